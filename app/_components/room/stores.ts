import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { isPresenceState, readMeetingDoc, sharedRoots, type MeetingDocView, type PresenceUser } from "@/lib/collab";
import { DocViewStore } from "../collab/doc-view-store";
import { shareStructure } from "../collab/share-structure";

/**
 * Small external stores over the Y.Doc, awareness and undo manager, read by React through
 * useSyncExternalStore. Each snapshot is immutable and only replaced when something changed.
 */
type Listener = () => void;

/** The shared meeting document's plan roots as plain data (see DocViewStore). */
export class MeetingViewStore extends DocViewStore<MeetingDocView> {
  constructor(doc: Y.Doc) {
    super(doc, sharedRoots, readMeetingDoc, "The meeting document");
  }
}

export type PresencePeer = {
  clientId: number;
  user: PresenceUser;
  editing: string | null;
  isMe: boolean;
};

export class PresenceStore {
  private peers: PresencePeer[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly awareness: Awareness) {
    this.peers = this.read();
    awareness.on("change", this.onChange);
  }

  private read(): PresencePeer[] {
    const out: PresencePeer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (!isPresenceState(state)) return;
      out.push({
        clientId,
        user: state.user,
        editing: typeof state.editing === "string" ? state.editing : null,
        isMe: clientId === this.awareness.clientID,
      });
    });
    return out.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
  }

  private readonly onChange = () => {
    const next = shareStructure(this.peers, this.read());
    if (next !== this.peers) {
      this.peers = next;
      for (const l of this.listeners) l();
    }
  };

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): PresencePeer[] => this.peers;

  destroy(): void {
    this.awareness.off("change", this.onChange);
    this.listeners.clear();
  }
}

export type UndoSnapshot = { canUndo: boolean; canRedo: boolean };

export class UndoStore {
  private snap: UndoSnapshot = { canUndo: false, canRedo: false };
  private readonly listeners = new Set<Listener>();
  private static readonly EVENTS = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;

  constructor(private readonly undo: Y.UndoManager) {
    for (const e of UndoStore.EVENTS) undo.on(e, this.onChange);
  }

  private readonly onChange = () => {
    const next = { canUndo: this.undo.canUndo(), canRedo: this.undo.canRedo() };
    if (next.canUndo !== this.snap.canUndo || next.canRedo !== this.snap.canRedo) {
      this.snap = next;
      for (const l of this.listeners) l();
    }
  };

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): UndoSnapshot => this.snap;

  destroy(): void {
    for (const e of UndoStore.EVENTS) this.undo.off(e, this.onChange);
    this.listeners.clear();
  }
}
