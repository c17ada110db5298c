import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import { isInitialised, sharedRoots, type PresenceState, type PresenceUser } from "@/lib/collab";
import { SaveTracker } from "./save-tracker";
import { MeetingViewStore, PresenceStore, UndoStore } from "./stores";

/**
 * One browser's connection to the shared meeting document: the Y.Doc, awareness, the stock
 * y-websocket provider, ticket handling, the undo manager and an honest save state. Plain
 * TypeScript with subscribe/getSnapshot, so React reads it through useSyncExternalStore.
 *
 * Nothing of the document is written to browser storage: it lives in memory only.
 */
export type ConnectionPhase =
  /** Fetching a ticket or opening the socket. */
  | "connecting"
  /** The socket is open. */
  | "online"
  /** We were connected and lost the connection; edits are kept in memory and sent later. */
  | "offline"
  /** The session cookie is gone or expired: the person must open their join link again. */
  | "sessionEnded"
  /** The server refused this participant (removed from the case, meeting gone). */
  | "accessLost"
  /** The server keeps refusing for another reason; a manual retry is offered. */
  | "failed";

export type ConnectionSnapshot = {
  phase: ConnectionPhase;
  /** Synced with the server on the current socket. */
  synced: boolean;
  /** The document has arrived at least once (we can show and edit it). */
  loaded: boolean;
  /** Local edits not yet proven durable on the server. */
  unsaved: boolean;
};

type TicketAnswer = { url: string; room: string; params: { ticket: string } };
type TicketResult = { ok: true; ticket: TicketAnswer } | { ok: false; phase: "sessionEnded" | "accessLost" | "retry" };

const TICKET_REFRESH_MS = 60_000;
/** A short drop (a reconnect after a blip) is shown as "connecting", a longer one as "offline". */
const OFFLINE_AFTER_MS = 1_500;
const MAX_REFUSALS = 3;

export class RoomConnection {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly undo: Y.UndoManager;
  readonly view: MeetingViewStore;
  readonly presence: PresenceStore;
  readonly undoState: UndoStore;
  provider: WebsocketProvider | null = null;

  private tracker: SaveTracker | null = null;
  private snapshot: ConnectionSnapshot = { phase: "connecting", synced: false, loaded: false, unsaved: false };
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private everConnected = false;
  private droppedLongAgo = false;
  private refusals = 0;
  private terminal: ConnectionPhase | null = null;
  private destroyed = false;

  constructor(
    private readonly meetingId: string,
    user: PresenceUser,
  ) {
    const state: PresenceState = { user, editing: null };
    this.awareness.setLocalState(state);
    // Only this client's own edits (local transactions have origin null); Tiptap keeps its own
    // undo history for the rich-text notes.
    this.undo = new Y.UndoManager(sharedRoots(this.doc), { captureTimeout: 600 });
    this.view = new MeetingViewStore(this.doc);
    this.presence = new PresenceStore(this.awareness);
    this.undoState = new UndoStore(this.undo);
    this.doc.on("update", this.onDocUpdate);
    if (typeof window !== "undefined") {
      window.addEventListener("online", this.onBrowserOnline);
      window.addEventListener("offline", this.refresh);
    }
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

  async start(): Promise<void> {
    const result = await this.fetchTicket();
    if (this.destroyed) return;
    if (!result.ok) {
      if (result.phase === "retry") {
        this.retryTimer = setTimeout(() => void this.start(), 3_000);
        return this.refresh();
      }
      return this.stop(result.phase);
    }
    const { url, room, params } = result.ticket;
    const provider = new WebsocketProvider(url, room, this.doc, {
      params,
      awareness: this.awareness,
      disableBc: true,
    });
    this.provider = provider;
    this.tracker = new SaveTracker(this.doc, provider);
    this.tracker.subscribe(this.refresh);
    provider.on("status", this.onStatus);
    provider.on("sync", this.refresh);
    provider.on("closed", this.onClosed);
    // Tickets live two minutes; keep a fresh one in place for the provider's own reconnects.
    this.refreshTimer = setInterval(() => void this.renewTicket(), TICKET_REFRESH_MS);
    this.refresh();
  }

  /** A manual "try again" after `failed`. */
  retry(): void {
    if (this.destroyed || this.terminal !== "failed") return;
    this.terminal = null;
    this.refusals = 0;
    this.refresh();
    if (this.provider) void this.reconnectWithFreshTicket();
    else void this.start();
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    clearInterval(this.refreshTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.offlineTimer);
    if (typeof window !== "undefined") {
      window.removeEventListener("online", this.onBrowserOnline);
      window.removeEventListener("offline", this.refresh);
    }
    this.doc.off("update", this.onDocUpdate);
    this.tracker?.destroy();
    this.provider?.destroy();
    this.view.destroy();
    this.presence.destroy();
    this.undoState.destroy();
    this.undo.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private async fetchTicket(): Promise<TicketResult> {
    try {
      const res = await fetch(`/api/meetings/${encodeURIComponent(this.meetingId)}/ticket`, {
        cache: "no-store",
        credentials: "same-origin",
        signal: this.abort.signal,
      });
      if (res.status === 401) return { ok: false, phase: "sessionEnded" };
      if (res.status === 403 || res.status === 404) return { ok: false, phase: "accessLost" };
      if (!res.ok) return { ok: false, phase: "retry" };
      return { ok: true, ticket: (await res.json()) as TicketAnswer };
    } catch {
      return { ok: false, phase: "retry" };
    }
  }

  private async renewTicket(): Promise<void> {
    const result = await this.fetchTicket();
    if (this.destroyed || !this.provider) return;
    if (result.ok) this.provider.params = result.ticket.params;
    else if (result.phase !== "retry") this.stop(result.phase);
  }

  private async reconnectWithFreshTicket(): Promise<void> {
    const result = await this.fetchTicket();
    if (this.destroyed || !this.provider) return;
    if (!result.ok) {
      if (result.phase === "retry") {
        this.retryTimer = setTimeout(() => void this.reconnectWithFreshTicket(), 3_000);
        return;
      }
      return this.stop(result.phase);
    }
    this.provider.params = result.ticket.params;
    this.provider.connect();
  }

  private stop(phase: ConnectionPhase): void {
    this.terminal = phase;
    clearInterval(this.refreshTimer);
    if (phase !== "failed") this.provider?.disconnect();
    this.refresh();
  }

  private readonly onClosed = ({ code }: { code: number }) => {
    if (this.destroyed) return;
    if (code === 4403) return this.stop("accessLost");
    this.refusals++;
    if (this.refusals > MAX_REFUSALS) return this.stop("failed");
    // 4401: the ticket expired or was refused; anything else in 44xx: try again with a fresh one.
    if (code === 4401) void this.reconnectWithFreshTicket();
    else this.retryTimer = setTimeout(() => void this.reconnectWithFreshTicket(), 2_000 * this.refusals);
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    // "connecting" comes with every retry; only a real connect or a fresh drop resets the clock.
    if (status === "connected") {
      clearTimeout(this.offlineTimer);
      this.everConnected = true;
      this.droppedLongAgo = false;
    } else if (status === "disconnected") {
      clearTimeout(this.offlineTimer);
      this.droppedLongAgo = false;
      this.offlineTimer = setTimeout(() => {
        this.droppedLongAgo = true;
        this.refresh();
      }, OFFLINE_AFTER_MS);
    }
    this.refresh();
  };

  private readonly onBrowserOnline = () => {
    if (this.provider && !this.provider.wsconnected && !this.terminal) this.provider.connect();
    this.refresh();
  };

  private readonly onDocUpdate = () => {
    if (!this.snapshot.loaded && isInitialised(this.doc)) this.refresh();
  };

  private readonly refresh = () => {
    if (this.destroyed) return;
    const p = this.provider;
    const connected = !!p && p.wsconnected;
    if (connected && p.synced) this.refusals = 0;
    const browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
    let phase: ConnectionPhase;
    if (this.terminal) phase = this.terminal;
    // The browser knows it has no network before the socket notices (that can take 30 s).
    else if (browserOffline && this.everConnected) phase = "offline";
    else if (connected) phase = "online";
    else if (this.everConnected && (this.droppedLongAgo || browserOffline)) phase = "offline";
    else phase = "connecting";
    const next: ConnectionSnapshot = {
      phase,
      synced: connected && !!p?.synced,
      loaded: this.snapshot.loaded || isInitialised(this.doc),
      unsaved: this.tracker?.unsaved ?? false,
    };
    const s = this.snapshot;
    if (s.phase !== next.phase || s.synced !== next.synced || s.loaded !== next.loaded || s.unsaved !== next.unsaved) {
      this.snapshot = next;
      for (const l of this.listeners) l();
    }
  };
}
