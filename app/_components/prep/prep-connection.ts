import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";
import { isPrepInitialised } from "@/lib/collab/prep-init";
import { readPrepDoc } from "@/lib/collab/prep-read";
import { prepRoots, type PrepDocView } from "@/lib/collab/prep-schema";
import { isPresenceState, type PresenceState, type PresenceUser } from "@/lib/collab/presence";
import { TicketedProvider, type LinkPhase } from "../collab/ticketed-provider";
import { DocViewStore } from "../collab/doc-view-store";
import { shareStructure } from "../collab/share-structure";

/**
 * The browser's connection to the case's private preparation document: its own Y.Doc, its own
 * ticket (`?doc=prep`) and its own TicketedProvider, separate from the meeting room's.
 * Created only in the employee's and the caseworker's browsers, and only when they open the
 * panel. Like the room, nothing is written to browser storage: the document lives in memory and
 * is destroyed when the panel closes or the page is left.
 */
export type PrepPhase = LinkPhase;
export type PrepSnapshot = { phase: PrepPhase; loaded: boolean; unsaved: boolean; waiting: boolean };

export class PrepConnection {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly link: TicketedProvider;
  private snap: PrepSnapshot = { phase: "connecting", loaded: false, unsaved: false, waiting: false };
  private readonly view: DocViewStore<PrepDocView>;
  private peers: PresenceUser[] = [];
  private readonly listeners = new Set<() => void>();
  private destroyed = false;

  constructor(
    meetingId: string,
    private readonly user: PresenceUser,
  ) {
    const state: PresenceState = { user, editing: null };
    this.awareness.setLocalState(state);
    this.view = new DocViewStore(this.doc, prepRoots, readPrepDoc, "The preparation");
    this.link = new TicketedProvider({
      ticketUrl: `/api/meetings/${encodeURIComponent(meetingId)}/ticket?doc=prep`,
      doc: this.doc,
      awareness: this.awareness,
    });
    this.link.subscribe(this.onLink);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("change", this.onAwareness);
  }

  /** The stock provider, once the first ticket has arrived. */
  get provider(): WebsocketProvider | null {
    return this.link.provider;
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = (): PrepSnapshot => this.snap;
  getView = (): PrepDocView => this.view.getSnapshot();
  /** The other people who have the preparation open right now. */
  getPeers = (): PresenceUser[] => this.peers;

  start(): Promise<void> {
    return this.link.start();
  }

  retry(): void {
    this.link.retry();
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("change", this.onAwareness);
    this.link.destroy();
    this.view.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly onDocUpdate = () => this.refresh(true);

  private readonly onLink = () => this.refresh();

  private readonly onAwareness = () => {
    const others: PresenceUser[] = [];
    this.awareness.getStates().forEach((s, clientId) => {
      if (clientId !== this.awareness.clientID && isPresenceState(s) && s.user.participantId !== this.user.participantId)
        others.push(s.user);
    });
    const unique = [...new Map(others.map((u) => [u.participantId, u])).values()].sort((a, b) => a.name.localeCompare(b.name));
    const next = shareStructure(this.peers, unique);
    if (next !== this.peers) {
      this.peers = next;
      this.emit();
    }
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private refresh(force = false): void {
    if (this.destroyed) return;
    const { phase, unsaved, waiting } = this.link.getState();
    const next: PrepSnapshot = { phase, loaded: this.snap.loaded || isPrepInitialised(this.doc), unsaved, waiting };
    const s = this.snap;
    const same = s.phase === next.phase && s.loaded === next.loaded && s.unsaved === next.unsaved && s.waiting === next.waiting;
    if (!same) this.snap = next;
    if (force || !same) this.emit();
  }
}
