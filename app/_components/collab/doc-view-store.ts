import type * as Y from "yjs";
import { shareStructure } from "./share-structure";

/**
 * A read-only view of some roots of a Y.Doc as an external store for useSyncExternalStore — the
 * one store behind the room's plan, the meeting flow (room and shared screen), the follow-up
 * review, the kept passages and the private preparation.
 *
 * Read lazily: many transactions in one tick cost one read of the document. Each snapshot shares
 * the unchanged parts of the previous one, so memoised components re-render only for what changed.
 * The readers take any stored shape; should one throw all the same, the last good view stays.
 */
/** What the store needs of a root type (any Y.Map, Y.Array or Y.Text). */
export type Observable = { observeDeep(f: () => void): void; unobserveDeep(f: () => void): void };

export class DocViewStore<T> {
  private version = 0;
  private computedFor = 0;
  private view: T;
  private readonly listeners = new Set<() => void>();
  private readonly roots: readonly Observable[];

  constructor(
    private readonly doc: Y.Doc,
    roots: (doc: Y.Doc) => readonly Observable[],
    private readonly read: (doc: Y.Doc) => T,
    /** Named in the console when a read fails ("the meeting flow"). */
    private readonly what: string,
  ) {
    this.view = read(doc);
    this.roots = roots(doc);
    for (const r of this.roots) r.observeDeep(this.onChange);
  }

  private readonly onChange = () => {
    this.version++;
    for (const l of this.listeners) l();
  };

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): T => {
    if (this.computedFor !== this.version) {
      this.computedFor = this.version;
      try {
        this.view = shareStructure(this.view, this.read(this.doc));
      } catch (e) {
        console.error(`${this.what} could not be read`, e);
      }
    }
    return this.view;
  };

  destroy(): void {
    for (const r of this.roots) r.unobserveDeep(this.onChange);
    this.listeners.clear();
  }
}
