import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";
import { isInitialised, sharedRoots, type PresenceState, type PresenceUser } from "@/lib/collab";
import { TicketedProvider, type LinkPhase } from "../collab/ticketed-provider";
import { MeetingViewStore, PresenceStore, UndoStore } from "./stores";

/**
 * One browser's connection to the shared meeting document: the Y.Doc, awareness, the undo
 * manager and the view stores, over a TicketedProvider (ticket, reconnects, save state). Plain
 * TypeScript with subscribe/getSnapshot, so React reads it through useSyncExternalStore.
 *
 * Nothing of the document is written to browser storage: it lives in memory only.
 */
export type ConnectionPhase = LinkPhase;

export type ConnectionSnapshot = {
  phase: ConnectionPhase;
  /** Synced with the server on the current socket. */
  synced: boolean;
  /** The document has arrived at least once (we can show and edit it). */
  loaded: boolean;
  /** Local edits not yet proven durable on the server. */
  unsaved: boolean;
  /** Connected, but the server has not confirmed our edits for a while: kept here, waiting. */
  waiting: boolean;
  /** The meeting was completed while the room was open (or a ticket said so): read-only now. */
  meetingCompleted: boolean;
};

export class RoomConnection {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly undo: Y.UndoManager;
  readonly view: MeetingViewStore;
  readonly presence: PresenceStore;
  readonly undoState: UndoStore;

  private readonly link: TicketedProvider;
  private snapshot: ConnectionSnapshot = {
    phase: "connecting",
    synced: false,
    loaded: false,
    unsaved: false,
    waiting: false,
    meetingCompleted: false,
  };
  private readonly listeners = new Set<() => void>();
  private destroyed = false;

  constructor(meetingId: string, user: PresenceUser) {
    const state: PresenceState = { user, editing: null };
    this.awareness.setLocalState(state);
    // Only this client's own edits (local transactions have origin null); Tiptap keeps its own
    // undo history for the rich-text notes.
    this.undo = new Y.UndoManager(sharedRoots(this.doc), { captureTimeout: 600 });
    this.view = new MeetingViewStore(this.doc);
    this.presence = new PresenceStore(this.awareness);
    this.undoState = new UndoStore(this.undo);
    this.link = new TicketedProvider({
      ticketUrl: `/api/meetings/${encodeURIComponent(meetingId)}/ticket`,
      doc: this.doc,
      awareness: this.awareness,
    });
    this.link.subscribe(this.refresh);
    this.doc.on("update", this.onDocUpdate);
  }

  /** The stock provider, once the first ticket has arrived. */
  get provider(): WebsocketProvider | null {
    return this.link.provider;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Name the field this person is in (e.g. "plan.goal"), or null; others see a marker. */
  setEditing(field: string | null): void {
    if (this.destroyed) return;
    const current = this.awareness.getLocalState() as PresenceState | null;
    if (current && (current.editing ?? null) !== field) this.awareness.setLocalStateField("editing", field);
  }

  start(): Promise<void> {
    return this.link.start();
  }

  /** A manual "try again" after `failed`. */
  retry(): void {
    this.link.retry();
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off("update", this.onDocUpdate);
    this.link.destroy();
    this.view.destroy();
    this.presence.destroy();
    this.undoState.destroy();
    this.undo.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly onDocUpdate = () => {
    if (!this.snapshot.loaded && isInitialised(this.doc)) this.refresh();
  };

  private readonly refresh = () => {
    if (this.destroyed) return;
    const { phase, synced, unsaved, waiting, meetingCompleted } = this.link.getState();
    const loaded = this.snapshot.loaded || isInitialised(this.doc);
    const s = this.snapshot;
    if (
      s.phase !== phase ||
      s.synced !== synced ||
      s.loaded !== loaded ||
      s.unsaved !== unsaved ||
      s.waiting !== waiting ||
      s.meetingCompleted !== meetingCompleted
    ) {
      this.snapshot = { phase, synced, loaded, unsaved, waiting, meetingCompleted };
      for (const l of this.listeners) l();
    }
  };
}
