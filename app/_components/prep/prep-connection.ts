import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import { isPrepInitialised } from "@/lib/collab/prep-init";
import { readPrepDoc } from "@/lib/collab/prep-read";
import type { PrepDocView } from "@/lib/collab/prep-schema";
import { isPresenceState, type PresenceState, type PresenceUser } from "@/lib/collab/presence";
import { SaveTracker } from "../room/save-tracker";
import { shareStructure } from "../room/share-structure";

/**
 * The browser's connection to the case's private preparation document: its own Y.Doc, its own
 * ticket (`?doc=prep`) and its own stock y-websocket provider, separate from the meeting room's.
 * Created only in the employee's and the caseworker's browsers, and only when they open the
 * panel. Like the room, nothing is written to browser storage: the document lives in memory and
 * is destroyed when the panel closes or the page is left.
 */
export type PrepPhase = "connecting" | "online" | "offline" | "sessionEnded" | "accessLost" | "failed";
export type PrepSnapshot = { phase: PrepPhase; loaded: boolean; unsaved: boolean };

type TicketAnswer = { url: string; room: string; params: { ticket: string } };
type TicketResult = { ok: true; ticket: TicketAnswer } | { ok: false; phase: "sessionEnded" | "accessLost" | "retry" };

const TICKET_REFRESH_MS = 60_000;
const OFFLINE_AFTER_MS = 1_500;
const MAX_REFUSALS = 3;

export class PrepConnection {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  provider: WebsocketProvider | null = null;
  private tracker: SaveTracker | null = null;
  private snap: PrepSnapshot = { phase: "connecting", loaded: false, unsaved: false };
  private view: PrepDocView;
  private viewFor = -1;
  private version = 0;
  private peers: PresenceUser[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private droppedLongAgo = false;
  private everConnected = false;
  private refusals = 0;
  private terminal: PrepPhase | null = null;
  private destroyed = false;

  constructor(
    private readonly meetingId: string,
    private readonly user: PresenceUser,
  ) {
    const state: PresenceState = { user, editing: null };
    this.awareness.setLocalState(state);
    this.view = readPrepDoc(this.doc);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("change", this.onAwareness);
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = (): PrepSnapshot => this.snap;
  getView = (): PrepDocView => {
    if (this.viewFor !== this.version) {
      this.view = shareStructure(this.view, readPrepDoc(this.doc));
      this.viewFor = this.version;
    }
    return this.view;
  };
  /** The other people who have the preparation open right now. */
  getPeers = (): PresenceUser[] => this.peers;

  async start(): Promise<void> {
    const result = await this.fetchTicket();
    if (this.destroyed) return;
    if (!result.ok) {
      if (result.phase === "retry") {
        this.retryTimer = setTimeout(() => void this.start(), 3_000);
        return;
      }
      return this.stop(result.phase);
    }
    const { url, room, params } = result.ticket;
    const provider = new WebsocketProvider(url, room, this.doc, { params, awareness: this.awareness, disableBc: true });
    this.provider = provider;
    this.tracker = new SaveTracker(this.doc, provider);
    this.tracker.subscribe(this.refresh);
    provider.on("status", this.onStatus);
    provider.on("sync", this.refresh);
    provider.on("closed", this.onClosed);
    this.refreshTimer = setInterval(() => void this.renewTicket(), TICKET_REFRESH_MS);
    this.refresh();
  }

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
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("change", this.onAwareness);
    this.tracker?.destroy();
    this.provider?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private async fetchTicket(): Promise<TicketResult> {
    try {
      const res = await fetch(`/api/meetings/${encodeURIComponent(this.meetingId)}/ticket?doc=prep`, {
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

  private stop(phase: PrepPhase): void {
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
    // 4401: the ticket expired or the session was signed out elsewhere; a fresh ticket decides.
    if (code === 4401) void this.reconnectWithFreshTicket();
    else this.retryTimer = setTimeout(() => void this.reconnectWithFreshTicket(), 2_000 * this.refusals);
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    clearTimeout(this.offlineTimer);
    if (status === "connected") {
      this.everConnected = true;
      this.droppedLongAgo = false;
    } else if (status === "disconnected") {
      this.droppedLongAgo = false;
      this.offlineTimer = setTimeout(() => {
        this.droppedLongAgo = true;
        this.refresh();
      }, OFFLINE_AFTER_MS);
    }
    this.refresh();
  };

  private readonly onDocUpdate = () => {
    this.version++;
    this.refresh(true);
  };

  private readonly onAwareness = () => {
    const others: PresenceUser[] = [];
    this.awareness.getStates().forEach((s, clientId) => {
      if (clientId !== this.awareness.clientID && isPresenceState(s) && s.user.participantId !== this.user.participantId) others.push(s.user);
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

  private readonly refresh = (force = false) => {
    if (this.destroyed) return;
    const p = this.provider;
    const connected = !!p && p.wsconnected;
    if (connected && p.synced) this.refusals = 0;
    let phase: PrepPhase;
    if (this.terminal) phase = this.terminal;
    else if (connected) phase = "online";
    else if (this.everConnected && this.droppedLongAgo) phase = "offline";
    else phase = "connecting";
    const next: PrepSnapshot = { phase, loaded: this.snap.loaded || isPrepInitialised(this.doc), unsaved: this.tracker?.unsaved ?? false };
    const s = this.snap;
    if (force || s.phase !== next.phase || s.loaded !== next.loaded || s.unsaved !== next.unsaved) {
      this.snap = next.phase === s.phase && next.loaded === s.loaded && next.unsaved === s.unsaved ? s : next;
      this.emit();
    }
  };
}
