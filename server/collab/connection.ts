import type { WebSocket, RawData } from "ws";
import type { Room, RoomMember } from "./room";
import type { RoomRegistry } from "./room-registry";
import type { ResolvedOptions } from "./options";
import { CloseCode, closeCodeForError } from "./close-codes";
import { decodeFrame, ownBytes, type ClientMessage } from "./protocol";

/**
 * Frames a client may send before it is authorised and its room loaded (the stock client sends
 * two: SyncStep1 and its awareness). Beyond this it is flooding an unauthenticated socket.
 */
const PRE_AUTH_MAX_FRAMES = 32;
const PRE_AUTH_MAX_BYTES = 1024 * 1024;
/** A reader this far behind is closed (1013) rather than buffered without bound; it resyncs on reconnect. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type State = "authorizing" | "open" | "closing" | "closed";

/**
 * One socket: authorise → load the room → join → serve. Until joined, frames are queued and
 * nothing at all is sent, so a refused socket is closed (4401/4403) having seen no frame. Any
 * malformed input closes this socket only; nothing thrown here reaches the process.
 */
export class Connection implements RoomMember {
  participantId = "";
  readOnly = true;
  readonly controlled = new Set<number>();
  /** Cleared on each ping, set by the pong (see heartbeat.ts). */
  alive = true;
  /** Resolves when the socket has closed. */
  readonly closed: Promise<void>;
  private state: State = "authorizing";
  private room: Room | null = null;
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  private beatsWhileAuthorizing = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly roomName: string | null,
    private readonly ticket: string | null,
    private readonly registry: RoomRegistry,
    private readonly opts: ResolvedOptions,
  ) {
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
    try {
      const principal = await this.opts.deps.authorize({ room: name, ticket: this.ticket });
      this.participantId = principal.participantId;
      this.readOnly = principal.readOnly;
    } catch (e) {
      const code = closeCodeForError(e);
      if (code === CloseCode.internalError) this.opts.log("authorisation failed", { room: name, error: String(e) });
      return this.close(code, code === CloseCode.unauthenticated ? "unauthenticated" : code === CloseCode.forbidden ? "forbidden" : "internal error");
    }
    if (this.state !== "authorizing") return;

    let room: Room | null;
    try {
      room = await this.registry.acquire(name);
    } catch (e) {
      // Never serve an empty doc in place of one we could not read.
      this.opts.log("load failed", { room: name, error: String(e) });
      return this.close(CloseCode.internalError, "load failed");
    }
    if (!room) return this.close(CloseCode.forbidden, "no such document");
    if (this.state !== "authorizing") return this.registry.release(room);

    // Synchronous from here: the room cannot be unloaded between acquire and join.
    this.room = room;
    this.state = "open";
    room.join(this);
    const queued = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    for (const frame of queued) {
      if (this.state !== "open") break;
      this.handle(frame);
    }
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    try {
      if (this.state === "closing" || this.state === "closed") return;
      if (!isBinary) return this.close(CloseCode.unsupportedData, "binary frames only");
      const frame = ownBytes(data);
      if (this.state === "open") return this.handle(frame);
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

  private handle(frame: Uint8Array): void {
    const room = this.room;
    if (!room) return;
    let msg: ClientMessage;
    try {
      msg = decodeFrame(frame);
    } catch (e) {
      this.opts.log("undecodable frame", { room: room.name, participantId: this.participantId, error: String(e) });
      return this.close(CloseCode.invalidData, "undecodable frame");
    }
    try {
      switch (msg.type) {
        case "syncStep1":
          return room.answerSyncStep1(this, msg.stateVector);
        case "syncStep2":
        case "update":
          // Read-only: dropped silently; the stock client sends SyncStep2 on every connect.
          if (this.readOnly) return;
          return room.applyUpdate(this, msg.update);
        case "awareness":
          if (!room.applyAwareness(this, msg.update)) {
            this.opts.log("awareness spoof dropped", { room: room.name, participantId: this.participantId });
          }
          return;
        case "queryAwareness":
          return room.sendAllAwareness(this);
        case "auth":
          return;
      }
    } catch (e) {
      this.opts.log("invalid message", { room: room.name, participantId: this.participantId, type: msg.type, error: String(e) });
      this.close(CloseCode.invalidData, "invalid data");
    }
  }

  send(frame: Uint8Array): void {
    if (this.state !== "open" || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CloseCode.tryAgainLater, "reader too slow");
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
    room?.leave(this);
  }
}
