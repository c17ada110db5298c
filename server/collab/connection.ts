import type { WebSocket, RawData } from "ws";
import { ApplyFailed, DocumentTooLarge, UpdateRefused, type Room, type RoomMember } from "./room";
import type { RoomRegistry } from "./room-registry";
import type { ResolvedOptions } from "./options";
import type { UpdateValidator } from "./update-validator";
import type { Validation } from "./decode-pool";
import { CloseCode, closeCodeForError } from "./close-codes";
import { ownBytes, type ClientMessage } from "./protocol";
import { decodeAwarenessUpdate, type AwarenessEntry, type PresenceIdentity } from "./awareness-guard";
import { presenceColor } from "@/lib/collab/presence";
import { TokenBucket } from "./token-bucket";
import { AwarenessThrottle } from "./awareness-throttle";
import { Inbox } from "./inbox";
import type { OpenLimiter } from "./open-limiter";
import { revocationEffect, type AdmittedAs } from "./revocation-effect";
import type { RevocationEvent } from "@/lib/access/revocation-bus";
import { parseDocName } from "@/lib/collab/doc-names";

/**
 * Frames a client may send before it is authorised and its room loaded (the stock client sends
 * two: SyncStep1 and its awareness). Beyond this it is flooding an unauthenticated socket.
 */
const PRE_AUTH_MAX_FRAMES = 32;
const PRE_AUTH_MAX_BYTES = 1024 * 1024;
/** Access changes remembered while authorising; more than this and the socket is refused (1013). */
const HEARD_WHILE_AUTHORIZING_MAX = 256;
type State = "authorizing" | "open" | "closing" | "closed";

/**
 * One socket: authorise → load the room → join → serve. Until joined, frames are queued and
 * nothing at all is sent, so a refused socket is closed (4401/4403) having seen no frame. Any
 * malformed input closes this socket only; nothing thrown here reaches the process.
 *
 * Once joined, frames go through the Inbox (rate limit → validation → here), strictly in order.
 */
export class Connection implements RoomMember {
  participantId = "";
  readOnly = true;
  readonly controlled = new Set<number>();
  /** The participant record's name, role and colour: the only identity its presence may show. */
  identity: PresenceIdentity | null = null;
  /** Admitted to the room of a completed meeting (read-only, and its client knows why). */
  meetingCompleted = false;
  /** Who this socket was admitted as, once authorised (access changes and re-checks match on it). */
  admitted: AdmittedAs | null = null;
  /** Cleared on each ping, set by the pong (see heartbeat.ts). */
  alive = true;
  /** Resolves when the socket has closed. */
  readonly closed: Promise<void>;
  private state: State = "authorizing";
  private room: Room | null = null;
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  private beatsWhileAuthorizing = 0;
  /**
   * Access changes heard before we knew who this socket is: a session may end between the
   * database saying "live" and this socket joining (issue 12.2's race), so each is applied the
   * moment authorisation answers.
   */
  private heardWhileAuthorizing: RevocationEvent[] = [];
  private readonly inbox: Inbox;
  private readonly awareness: AwarenessThrottle;

  constructor(
    private readonly ws: WebSocket,
    private readonly roomName: string | null,
    private readonly ticket: string | null,
    private readonly registry: RoomRegistry,
    private readonly opts: ResolvedOptions,
    private readonly validator: UpdateValidator,
    private readonly openLimiter: OpenLimiter,
  ) {
    this.inbox = new Inbox(
      {
        isOpen: () => this.state === "open",
        isReadOnly: () => this.readOnly,
        pauseSocket: () => ws.pause(),
        resumeSocket: () => ws.resume(),
        validate: (update) => validator.validate(update),
        applyValidated: (update, v) => this.applyValidated(update, v),
        handle: (msg) => this.handle(msg),
        undecodable: (e) => {
          this.opts.log("undecodable frame", { room: this.roomName, participantId: this.participantId, error: String(e) });
          this.close(CloseCode.invalidData, "undecodable frame");
        },
        overLimit: (what) => this.overLimit(what),
        mayApply: () => !this.room || registry.queue.admits(this.room),
        whenMayApply: (callback) => registry.queue.whenSpace(callback),
        busy: () => {
          this.opts.log("commit queue full too long: writer asked to come back", {
            room: this.roomName,
            participantId: this.participantId,
          });
          this.close(CloseCode.busy, "server busy");
        },
        log: opts.log,
      },
      { ...opts, maxBytes: 4 * opts.maxPayloadBytes, busyCloseMs: opts.busyCloseMs },
    );
    this.awareness = new AwarenessThrottle(
      new TokenBucket(opts.awarenessPerSecond, opts.awarenessBurst),
      opts.awarenessBurst,
      opts.throttleCloseMs,
      {
        apply: (entries) => this.applyAwareness(entries),
        answerQuery: () => (this.room && this.state === "open" ? this.room.presence.sendAll(this) : undefined),
        flooding: () => this.overLimit("awareness"),
      },
    );
    this.closed = new Promise((resolve) => {
      ws.on("close", () => {
        this.state = "closed";
        this.leaveRoom();
        resolve();
      });
    });
    ws.on("error", (e) => this.opts.log("socket error", { room: roomName, error: String(e) }));
    ws.on("pong", () => (this.alive = true));
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
  }

  /** Begin the authorise-and-join flow; `refuse` closes at once (bad path, Origin). */
  start(refuse?: { code: number; reason: string }): void {
    if (refuse) return this.close(refuse.code, refuse.reason);
    if (this.roomName === null) return this.close(CloseCode.forbidden, "no such document");
    this.authorizeAndJoin(this.roomName).catch((e) => {
      this.opts.log("connection flow failed", { room: this.roomName, error: String(e) });
      this.close(CloseCode.internalError, "internal error");
    });
  }

  private async authorizeAndJoin(name: string): Promise<void> {
    let logged: Promise<void>;
    try {
      const principal = await this.opts.deps.authorize({ room: name, ticket: this.ticket });
      this.participantId = principal.participantId;
      this.readOnly = principal.readOnly;
      this.identity = {
        participantId: principal.participantId,
        name: principal.displayName,
        role: principal.role,
        color: presenceColor(principal.colorIndex),
      };
      this.meetingCompleted = principal.meetingCompleted;
      const ref = parseDocName(name);
      this.admit({
        participantId: principal.participantId,
        session: principal.session,
        organisationId: principal.organisationId,
        meetingId: ref?.kind === "meeting" ? ref.meetingId : null,
        caseId: principal.caseId,
      });
      if (this.state !== "authorizing") return;
      // A flood of opens (issue 12.8) is refused before it is logged or served: retry later.
      if (!this.openLimiter.tryOpen(principal.participantId)) {
        this.opts.log("socket opens over the participant's rate: refused", { room: name, participantId: principal.participantId });
        return this.close(CloseCode.tryAgainLater, "too many connections, try again later");
      }
      // Nothing is shown without its access-log row: a failed write refuses the socket (1011).
      // The row is written while the room loads (both awaited below), not before it.
      logged = this.opts.deps.recordOpened(principal, name);
      logged.catch(() => {});
    } catch (e) {
      const code = closeCodeForError(e);
      if (code === CloseCode.internalError) this.opts.log("authorisation failed", { room: name, error: String(e) });
      return this.close(
        code,
        code === CloseCode.unauthenticated ? "unauthenticated" : code === CloseCode.forbidden ? "forbidden" : "internal error",
      );
    }
    if (this.state !== "authorizing") return;

    const [acquired, log] = await Promise.allSettled([this.registry.acquire(name), logged]);
    if (log.status === "rejected") {
      if (acquired.status === "fulfilled" && acquired.value) this.registry.release(acquired.value);
      this.opts.log("authorisation failed", { room: name, error: String(log.reason) });
      return this.close(CloseCode.internalError, "internal error");
    }
    if (acquired.status === "rejected") {
      // Never serve an empty doc in place of one we could not read.
      this.opts.log("load failed", { room: name, error: String(acquired.reason) });
      return this.close(CloseCode.internalError, "load failed");
    }
    const room: Room | null = acquired.value;
    if (!room) return this.close(CloseCode.forbidden, "no such document");
    if (this.state !== "authorizing") return this.registry.release(room);

    // Synchronous from here: the room cannot be unloaded between acquire and join.
    this.room = room;
    this.state = "open";
    room.join(this);
    const queued = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    for (const frame of queued) this.receive(frame);
  }

  /** Authorised as `who`: from now on access changes match on it; replay those heard meanwhile. */
  private admit(who: AdmittedAs): void {
    this.admitted = who;
    const heard = this.heardWhileAuthorizing;
    this.heardWhileAuthorizing = [];
    for (const event of heard) this.revoke(event);
  }

  /**
   * An access change from the revocation bus (this instance or another). Before authorisation
   * has answered it is remembered, since it may concern this very socket; after, it closes the
   * socket when it does.
   */
  revoke(event: RevocationEvent): void {
    if (this.state === "closing" || this.state === "closed") return;
    if (!this.admitted) {
      if (this.heardWhileAuthorizing.length >= HEARD_WHILE_AUTHORIZING_MAX) return this.close(CloseCode.tryAgainLater, "server busy");
      this.heardWhileAuthorizing.push(event);
      return;
    }
    const effect = revocationEffect(event, this.admitted);
    if (effect?.kind === "close") this.close(effect.code, effect.reason);
    else if (effect?.kind === "meetingCompleted") this.completeMeeting();
  }

  /**
   * The meeting was completed while this socket was open (or being admitted): from this frame on
   * nothing it sends is applied, and it is closed with 4409 so its client reconnects with a fresh,
   * read-only ticket and tells its person that the meeting is over. A socket admitted to the
   * completed room already knows, and is left alone.
   */
  completeMeeting(): void {
    if (this.meetingCompleted || this.state === "closing" || this.state === "closed") return;
    this.meetingCompleted = true;
    this.readOnly = true;
    this.close(CloseCode.meetingCompleted, "meeting completed");
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    try {
      if (this.state === "closing" || this.state === "closed") return;
      if (!isBinary) return this.close(CloseCode.unsupportedData, "binary frames only");
      const frame = ownBytes(data);
      if (this.state === "open") return this.receive(frame);
      this.queuedBytes += frame.byteLength;
      if (this.queued.length >= PRE_AUTH_MAX_FRAMES || this.queuedBytes > PRE_AUTH_MAX_BYTES) {
        return this.close(CloseCode.policyViolation, "too much before authorisation");
      }
      this.queued.push(frame);
    } catch (e) {
      this.opts.log("message handler threw", { room: this.roomName, error: String(e) });
      this.close(CloseCode.invalidData, "invalid data");
    }
  }

  private receive(frame: Uint8Array): void {
    if (this.state === "open") this.inbox.push(frame);
  }

  private overLimit(what: string): void {
    this.opts.log("rate limit: connection closed", { room: this.roomName, participantId: this.participantId, what });
    this.close(CloseCode.policyViolation, "rate limit exceeded");
  }

  private applyValidated(update: Uint8Array, v: Validation): void {
    const room = this.room;
    if (this.state !== "open" || !room || !room.alive) return;
    if (!v.ok) {
      this.opts.log(v.timedOut ? "update decode overran its budget" : "invalid update", {
        room: room.name,
        participantId: this.participantId,
        error: v.error,
      });
      if (v.busy) return this.close(CloseCode.tryAgainLater, "server busy");
      return this.close(CloseCode.invalidData, v.timedOut ? "update too costly to decode" : "invalid update");
    }
    try {
      room.applyUpdate(this, update, v.ends, v.decoded);
    } catch (e) {
      if (e instanceof DocumentTooLarge) {
        this.opts.log("document size cap: update refused", {
          room: room.name,
          participantId: this.participantId,
          bytes: update.byteLength,
        });
        return this.close(CloseCode.messageTooBig, "document too large");
      }
      if (e instanceof UpdateRefused) {
        // Unresolved: it builds on content this server lacks (a reconnect race); a resync sends it whole.
        this.opts.log(e.unresolved ? "update refused: missing dependencies" : "update refused: does not fit the schema", {
          room: room.name,
          participantId: this.participantId,
          reason: e.message,
        });
        return e.unresolved
          ? this.close(CloseCode.tryAgainLater, "resync")
          : this.close(CloseCode.refusedUpdate, "update does not fit the document");
      }
      if (e instanceof ApplyFailed) {
        this.opts.log("update refused: applying it threw", { room: room.name, participantId: this.participantId });
        return this.close(CloseCode.refusedUpdate, "update could not be applied");
      }
      this.opts.log("invalid message", { room: room.name, participantId: this.participantId, type: "update", error: String(e) });
      this.close(CloseCode.invalidData, "invalid data");
    }
  }

  private handle(msg: ClientMessage): void {
    const room = this.room;
    if (!room) return;
    try {
      switch (msg.type) {
        case "syncStep1":
          return room.answerSyncStep1(this, msg.stateVector);
        case "syncStep2":
        case "update":
          // Only read-only ones come here: dropped silently (the stock client sends SyncStep2 on
          // every connect).
          return;
        case "awareness":
          return this.awareness.offer(decodeAwarenessUpdate(msg.update));
        case "queryAwareness":
          return this.awareness.query();
        case "auth":
          return;
      }
    } catch (e) {
      this.opts.log("invalid message", { room: room.name, participantId: this.participantId, type: msg.type, error: String(e) });
      this.close(CloseCode.invalidData, "invalid data");
    }
  }

  private applyAwareness(entries: AwarenessEntry[]): void {
    const room = this.room;
    if (this.state !== "open" || !room) return;
    if (!room.presence.apply(this, entries)) {
      this.opts.log("awareness spoof dropped", { room: room.name, participantId: this.participantId });
    }
  }

  send(frame: Uint8Array): void {
    if (this.state !== "open" || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      // A close frame would queue behind the megabytes it is not reading: cut it at once, which
      // frees them. It resyncs from its state vector when it reconnects.
      this.opts.log("slow reader dropped", { room: this.roomName, participantId: this.participantId, buffered: this.ws.bufferedAmount });
      return this.terminate();
    }
    // A send error means the peer vanished; the socket's close event does the cleanup.
    this.ws.send(frame, { binary: true }, () => {});
  }

  close(code: number, reason: string): void {
    if (this.state === "closing" || this.state === "closed") return;
    this.state = "closing";
    this.leaveRoom();
    try {
      this.ws.close(code, reason);
    } catch (e) {
      this.opts.log("close failed", { error: String(e) });
      this.ws.terminate();
    }
  }

  terminate(): void {
    this.state = this.state === "closed" ? "closed" : "closing";
    this.leaveRoom();
    this.ws.terminate();
  }

  /**
   * Called by the heartbeat: a socket that did not answer the previous ping is dead. A socket
   * still authorising is not pinged (it gets no frame at all before it is admitted); one still
   * authorising at the next beat is closed, so a hung database cannot pile sockets up.
   */
  ping(): void {
    if (this.state === "authorizing") {
      if (this.beatsWhileAuthorizing++ > 0) this.close(CloseCode.tryAgainLater, "authorisation timed out");
      return;
    }
    // A paused (throttled) socket reads no pongs; it is closed by the rate limit instead.
    if (this.inbox.paused) return;
    if (!this.alive) return this.terminate();
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate();
    }
  }

  private leaveRoom(): void {
    const room = this.room;
    this.room = null;
    this.queued = [];
    // Also resumes a throttled (paused) socket: it must read again to see the client's half of
    // the close handshake (what it still sends is dropped: the state is no longer "open").
    this.inbox.clear();
    this.awareness.stop();
    room?.leave(this);
  }
}
