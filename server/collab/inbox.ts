import type { Validation } from "./decode-pool";
import { decodeFrame, type ClientMessage } from "./protocol";
import { TokenBucket } from "./token-bucket";

/**
 * Frames received while throttled or while a large update is decoded. The socket is paused
 * then, so only what ws had already read arrives; more than this means a flood.
 */
const MAX_FRAMES = 10_000;
/** A SyncStep1 answer is O(document): it costs this many update tokens. */
const SYNC_STEP1_COST = 10;

/** What the inbox needs of its connection. */
export type InboxHost = {
  isOpen(): boolean;
  isReadOnly(): boolean;
  pauseSocket(): void;
  resumeSocket(): void;
  /** Synchronous for small updates, a promise for those decoded in a worker. */
  validate(update: Uint8Array): Validation | Promise<Validation>;
  applyValidated(update: Uint8Array, v: Validation): void;
  /** Everything but a writer's update (read-only updates are dropped there). */
  handle(msg: ClientMessage): void;
  undecodable(error: unknown): void;
  overLimit(what: string): void;
  /** May one more update be applied now (the commit queue has room for it)? */
  mayApply(): boolean;
  /** Call back (once) when the commit queue may have room again; returns a cancel. */
  whenMayApply(callback: () => void): () => void;
  /** Held back by a full commit queue for `busyCloseMs`: the connection is told to come back later. */
  busy(): void;
  log(msg: string, extra?: object): void;
};

/**
 * One connection's received frames, processed strictly in order. An update (or SyncStep2, or
 * SyncStep1) first takes tokens of the update bucket; without one, the inbox waits and the socket
 * is paused, so TCP pushes back on the client and nothing is dropped. Then it is validated —
 * inline, or in a worker, in which case later frames of this connection (only) wait for it.
 * A connection over the limit for `throttleCloseMs` without its bucket getting back to half full
 * is flooding: closed 1008. Awareness is rate-limited separately (awareness-throttle.ts).
 */
export class Inbox {
  private readonly frames: Uint8Array[] = [];
  private bytes = 0;
  private state: "idle" | "running" | "awaiting" = "idle";
  private timer: NodeJS.Timeout | null = null;
  private overSince: number | null = null;
  private isPaused = false;
  /** Waiting for room in the commit queue: the cancel of that wait, and since when. */
  private spaceWait: (() => void) | null = null;
  private heldSince: number | null = null;
  private readonly bucket: TokenBucket;

  constructor(
    private readonly host: InboxHost,
    private readonly opts: {
      updatesPerSecond: number;
      updateBurst: number;
      throttleCloseMs: number;
      maxBytes: number;
      busyCloseMs: number;
    },
  ) {
    this.bucket = new TokenBucket(opts.updatesPerSecond, opts.updateBurst);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** Held back because the commit queue is full (not for its own rate). */
  get held(): boolean {
    return this.spaceWait !== null;
  }

  push(frame: Uint8Array): void {
    this.frames.push(frame);
    this.bytes += frame.byteLength;
    if (this.frames.length > MAX_FRAMES || this.bytes > this.opts.maxBytes) return this.host.overLimit("inbox");
    this.pump();
  }

  /** The connection is closing: drop what is queued, stop the timer, read again (close handshake). */
  clear(): void {
    this.frames.length = 0;
    this.bytes = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.spaceWait?.();
    this.spaceWait = null;
    this.heldSince = null;
    this.resume();
  }

  private pump(): void {
    if (this.state !== "idle" || this.timer || this.spaceWait) return;
    this.state = "running";
    try {
      while (this.host.isOpen() && this.frames.length > 0) {
        const frame = this.frames[0]!;
        let decoded: ClientMessage;
        try {
          decoded = decodeFrame(frame);
        } catch (e) {
          return this.host.undecodable(e);
        }
        const msg = decoded;
        const isUpdate = msg.type === "update" || msg.type === "syncStep2";
        // Back-pressure: a writer whose update would overfill the commit queue stops being read
        // (TCP pushes back on it) until commits make room; its update stays first in line.
        if (isUpdate && !this.host.isReadOnly() && !this.host.mayApply()) return this.holdForSpace();
        this.heldSince = null;
        const cost = isUpdate ? 1 : msg.type === "syncStep1" ? Math.min(SYNC_STEP1_COST, this.opts.updateBurst) : 0;
        if (cost > 0 && !this.take(cost)) return this.throttle(cost);
        this.frames.shift();
        this.bytes -= frame.byteLength;
        if ((msg.type !== "update" && msg.type !== "syncStep2") || this.host.isReadOnly()) {
          this.host.handle(msg);
          continue;
        }
        const update = msg.update;
        const v = this.host.validate(update);
        if (v instanceof Promise) {
          this.state = "awaiting";
          v.then((r) => this.host.applyValidated(update, r))
            .catch((e) => this.host.log("validation failed", { error: String(e) }))
            .finally(() => {
              this.state = "idle";
              this.pump();
            });
          return;
        }
        this.host.applyValidated(update, v);
      }
      if (this.frames.length === 0) this.resume();
    } finally {
      // Not while a validation is awaited: its finally() resumes the pump.
      if (this.state === "running") this.state = "idle";
    }
  }

  private take(cost: number): boolean {
    if (!this.bucket.tryTake(cost)) return false;
    if (this.bucket.available >= this.opts.updateBurst / 2) this.overSince = null;
    return true;
  }

  /** Over the rate: stop reading and try again when the tokens are due. */
  private throttle(cost: number): void {
    const now = performance.now();
    this.overSince ??= now;
    if (now - this.overSince > this.opts.throttleCloseMs) return this.host.overLimit("updates");
    if (!this.isPaused) {
      this.isPaused = true;
      this.host.pauseSocket();
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, this.bucket.msUntilToken(cost));
  }

  private holdForSpace(): void {
    const now = performance.now();
    this.heldSince ??= now;
    if (now - this.heldSince > this.opts.busyCloseMs) return this.host.busy();
    if (!this.isPaused) {
      this.isPaused = true;
      this.host.pauseSocket();
    }
    // Woken by the next commit, or at the busy deadline, whichever comes first.
    const wake = () => {
      this.spaceWait?.();
      this.spaceWait = null;
      clearTimeout(deadline);
      this.pump();
    };
    const deadline = setTimeout(wake, Math.max(1, this.opts.busyCloseMs - (now - this.heldSince) + 1));
    const cancel = this.host.whenMayApply(wake);
    this.spaceWait = () => {
      cancel();
      clearTimeout(deadline);
    };
  }

  private resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.host.resumeSocket();
  }
}
