import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import { reconnectDelay } from "@/lib/collab/reconnect-delay";
import { SaveTracker } from "../room/save-tracker";

/**
 * One browser's link to one collaboration document (the meeting room's or the private
 * preparation's): the stock y-websocket provider, the ticket it needs, what each close code
 * means, our own reconnect loop and an honest connection phase. Both RoomConnection and
 * PrepConnection build on it, so the two documents behave the same when the network or the
 * server misbehaves.
 *
 * The provider's own reconnect loop is switched off (`shouldReconnect: () => false`): it retries
 * after 100·2ⁿ ms with no jitter, so after a server restart every client comes back in the same
 * instant. Ours waits a random time (full jitter, lib/collab/reconnect-delay.ts) and fetches a
 * fresh ticket before every attempt, so an expired ticket is never the reason an attempt fails.
 */
export type LinkPhase =
  /** Fetching a ticket or opening the socket. */
  | "connecting"
  /** The socket is open. */
  | "online"
  /** We were connected and lost the connection; edits are kept in memory and sent later. */
  | "offline"
  /**
   * The server said it is busy (4503: commits lag, or its database is away) and we wait to try
   * again: edits are kept in this browser and sent when it takes them.
   */
  | "busy"
  /** The session cookie is gone or expired: the person must open their join link again. */
  | "sessionEnded"
  /** The server refused this participant (removed from the case, meeting gone). */
  | "accessLost"
  /** The server keeps refusing for another reason; a manual retry is offered. */
  | "failed";

export type LinkState = {
  phase: LinkPhase;
  /** Synced with the server on the current socket. */
  synced: boolean;
  /** Local edits not yet proven durable on the server. */
  unsaved: boolean;
  /**
   * Connected, but the server has not confirmed our edits for a while (its database is away or
   * it is holding writers back): they are kept here and will be sent; we are waiting.
   */
  waiting: boolean;
  /**
   * The meeting was completed: the server serves its room read-only to everyone (close code 4409
   * on a live socket, or `meetingCompleted` in a ticket). It never goes back to false.
   */
  meetingCompleted: boolean;
};

export type TicketedProviderOptions = {
  /** Where tickets come from, e.g. `/api/meetings/<id>/ticket?doc=prep`. */
  ticketUrl: string;
  doc: Y.Doc;
  awareness: Awareness;
};

type TerminalPhase = "sessionEnded" | "accessLost" | "failed";
type TicketAnswer = { url: string; room: string; params: { ticket: string }; meetingCompleted?: boolean };
type TicketResult = { ok: true; ticket: TicketAnswer } | { ok: false; phase: "sessionEnded" | "accessLost" | "retry" };

/** Tickets live two minutes; a renewal every minute also notices a session that ended. */
const TICKET_REFRESH_MS = 60_000;
/** A short drop (a reconnect after a blip) is shown as "connecting", a longer one as "offline". */
const OFFLINE_AFTER_MS = 1_500;
/** Refusals (44xx closes) in a row before we stop and offer a manual retry. */
const MAX_REFUSALS = 3;
const CLOSE_FORBIDDEN = 4403;
/** The meeting was completed while we were connected: come back at once, read-only. */
const CLOSE_MEETING_COMPLETED = 4409;
/** The server is busy: not a refusal; come back after the usual jittered wait. */
const CLOSE_BUSY = 4503;

const browserOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

export class TicketedProvider {
  private current: WebsocketProvider | null = null;
  private tracker: SaveTracker | null = null;
  private state: LinkState = { phase: "connecting", synced: false, unsaved: false, waiting: false, meetingCompleted: false };
  /** The last close said "busy" and no sync has happened since. */
  private busy = false;
  private meetingCompleted = false;
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private renewTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  /** Failed attempts since the last successful sync: sets the ceiling of the next wait. */
  private attempt = 0;
  private refusals = 0;
  private attempting = false;
  /** The network came back while an attempt was under way: if it fails, retry at once. */
  private hurry = false;
  private started = false;
  private everConnected = false;
  private droppedLongAgo = false;
  private terminal: TerminalPhase | null = null;
  private destroyed = false;

  constructor(private readonly opts: TicketedProviderOptions) {
    if (typeof window !== "undefined") {
      window.addEventListener("online", this.onBrowserOnline);
      window.addEventListener("offline", this.refresh);
    }
  }

  /** The stock provider, once the first ticket has arrived (Tiptap's caret extension needs it). */
  get provider(): WebsocketProvider | null {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LinkState => this.state;

  /** Fetch the first ticket and open the socket (retrying, with jitter, until one of them works). */
  async start(): Promise<void> {
    if (this.started || this.destroyed) return;
    this.started = true;
    await this.attemptNow();
  }

  /** A manual "try again" after `failed`. */
  retry(): void {
    if (this.destroyed || this.terminal !== "failed") return;
    this.terminal = null;
    this.refusals = 0;
    this.attempt = 0;
    if (this.current) this.startRenewal();
    this.refresh();
    void this.attemptNow();
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    clearInterval(this.renewTimer);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.offlineTimer);
    if (typeof window !== "undefined") {
      window.removeEventListener("online", this.onBrowserOnline);
      window.removeEventListener("offline", this.refresh);
    }
    this.tracker?.destroy();
    this.current?.destroy();
    this.listeners.clear();
  }

  /** One attempt: a fresh ticket, then the socket. */
  private async attemptNow(): Promise<void> {
    if (this.attempting || this.destroyed || this.terminal) return;
    clearTimeout(this.reconnectTimer);
    this.attempting = true;
    const result = await this.fetchTicket();
    this.attempting = false;
    if (this.destroyed || this.terminal) return;
    if (!result.ok) {
      if (result.phase === "retry") return this.scheduleAttempt();
      return this.stop(result.phase);
    }
    this.noteTicket(result.ticket);
    if (!this.current) return this.open(result.ticket);
    this.current.params = result.ticket.params;
    this.current.connect();
  }

  private scheduleAttempt(): void {
    if (this.destroyed || this.terminal) return;
    clearTimeout(this.reconnectTimer);
    if (this.hurry) {
      this.hurry = false;
      void this.attemptNow();
      return this.refresh();
    }
    const delay = reconnectDelay(this.attempt);
    this.attempt++;
    this.reconnectTimer = setTimeout(() => void this.attemptNow(), delay);
    this.refresh();
  }

  private open({ url, room, params }: TicketAnswer): void {
    const provider = new WebsocketProvider(url, room, this.opts.doc, {
      params,
      awareness: this.opts.awareness,
      disableBc: true,
      // Every close the server causes comes to us as `closed`; we decide whether and when to retry.
      shouldReconnect: () => false,
    });
    this.current = provider;
    this.tracker = new SaveTracker(this.opts.doc, provider);
    this.tracker.subscribe(this.refresh);
    provider.on("status", this.onStatus);
    provider.on("sync", this.onSync);
    provider.on("closed", this.onClosed);
    provider.on("connection-close", this.onConnectionClose);
    this.startRenewal();
    this.refresh();
  }

  private startRenewal(): void {
    clearInterval(this.renewTimer);
    this.renewTimer = setInterval(() => void this.renewTicket(), TICKET_REFRESH_MS);
  }

  private async fetchTicket(): Promise<TicketResult> {
    try {
      const res = await fetch(this.opts.ticketUrl, { cache: "no-store", credentials: "same-origin", signal: this.abort.signal });
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
    if (this.destroyed || this.terminal || !this.current) return;
    if (result.ok) {
      this.noteTicket(result.ticket);
      this.current.params = result.ticket.params;
    } else if (result.phase !== "retry") this.stop(result.phase);
  }

  /** A ticket says the meeting is over: the room is read-only from now on. */
  private noteTicket(ticket: TicketAnswer): void {
    if (ticket.meetingCompleted === true && !this.meetingCompleted) {
      this.meetingCompleted = true;
      this.refresh();
    }
  }

  private stop(phase: TerminalPhase): void {
    this.terminal = phase;
    clearInterval(this.renewTimer);
    clearTimeout(this.reconnectTimer);
    if (phase !== "failed") this.current?.disconnect();
    this.refresh();
  }

  /** The server closed the socket, or it never opened; the provider has stopped. */
  private readonly onClosed = ({ code }: { code: number }) => {
    if (this.destroyed || this.terminal) return;
    if (code === CLOSE_FORBIDDEN) return this.stop("accessLost");
    if (code === CLOSE_BUSY) {
      this.busy = true;
      return this.scheduleAttempt();
    }
    if (code === CLOSE_MEETING_COMPLETED) {
      // Not a refusal: the room is read-only now. Reconnect at once, to follow it read-only.
      this.meetingCompleted = true;
      this.refresh();
      return void this.attemptNow();
    }
    // 4401: the ticket expired or the session was signed out elsewhere; a fresh ticket decides.
    // Other 44xx are refusals too; after a few in a row we stop rather than loop forever. A server
    // restart or a network drop (1006, 1011–1013) is not a refusal: we keep trying.
    if (code >= 4400 && code < 4500 && ++this.refusals > MAX_REFUSALS) return this.stop("failed");
    this.scheduleAttempt();
  };

  /**
   * A close we did not cause and the server did not send: the provider's watchdog found the
   * socket silent for 30 s. The provider would retry at once with its own backoff; take over.
   * (When we disconnect on purpose the provider has already set `shouldConnect` to false.)
   */
  private readonly onConnectionClose = (event: CloseEvent | null, provider: WebsocketProvider) => {
    if (event !== null || !provider.shouldConnect || this.destroyed || this.terminal) return;
    provider.shouldConnect = false;
    this.scheduleAttempt();
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    if (this.destroyed) return;
    // "connecting" comes with every attempt; only a real connect or a fresh drop resets the clock.
    if (status === "connected") {
      clearTimeout(this.offlineTimer);
      this.hurry = false;
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

  private readonly onSync = (synced: boolean) => {
    if (synced) {
      // The connection did useful work: the next drop starts from the shortest wait again.
      this.attempt = 0;
      this.refusals = 0;
      this.busy = false;
    }
    this.refresh();
  };

  private readonly onBrowserOnline = () => {
    // The network is back: try now rather than at the end of a wait that may be 10 s long. An
    // attempt already under way (begun while offline) may still fail: then retry at once.
    if (!this.destroyed && !this.terminal && this.started) {
      if (this.attempting || this.current?.wsconnecting) this.hurry = true;
      else if (!this.current?.ws) void this.attemptNow();
    }
    this.refresh();
  };

  private readonly refresh = () => {
    if (this.destroyed) return;
    const p = this.current;
    const connected = !!p && p.wsconnected;
    let phase: LinkPhase;
    if (this.terminal) phase = this.terminal;
    // The browser knows it has no network before the socket notices (that can take 30 s).
    else if (browserOffline() && this.everConnected) phase = "offline";
    else if (connected) phase = "online";
    else if (this.busy) phase = "busy";
    else if (this.everConnected && this.droppedLongAgo) phase = "offline";
    else phase = "connecting";
    const synced = connected && !!p?.synced;
    const unsaved = this.tracker?.unsaved ?? false;
    const waiting = unsaved && connected && (this.tracker?.stalled ?? false);
    const meetingCompleted = this.meetingCompleted;
    const s = this.state;
    if (
      s.phase === phase &&
      s.synced === synced &&
      s.unsaved === unsaved &&
      s.waiting === waiting &&
      s.meetingCompleted === meetingCompleted
    )
      return;
    this.state = { phase, synced, unsaved, waiting, meetingCompleted };
    for (const l of this.listeners) l();
  };
}
