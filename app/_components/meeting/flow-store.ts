import type * as Y from "yjs";
import { flowRoots, type FlowView } from "@/lib/collab/flow-schema";
import { readFlow } from "@/lib/collab/flow-read";
import { shareStructure } from "../room/share-structure";

/**
 * The meeting flow (phase, chair, current item, timers, round, summary, consent, log) as an
 * external store for useSyncExternalStore. Read lazily: many updates in one tick cost one read.
 */
export class FlowStore {
  private version = 0;
  private computedFor = 0;
  private view: FlowView;
  private readonly listeners = new Set<() => void>();
  private readonly roots: Y.AbstractType<unknown>[];

  constructor(private readonly doc: Y.Doc) {
    this.view = readFlow(doc);
    this.roots = flowRoots(doc);
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

  /** Should a reader throw on a stored shape after all, the last good view stays. */
  getSnapshot = (): FlowView => {
    if (this.computedFor !== this.version) {
      this.computedFor = this.version;
      try {
        this.view = shareStructure(this.view, readFlow(this.doc));
      } catch (e) {
        console.error("The meeting flow could not be read", e);
      }
    }
    return this.view;
  };

  destroy(): void {
    for (const r of this.roots) r.unobserveDeep(this.onChange);
    this.listeners.clear();
  }
}
