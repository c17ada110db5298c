import type * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { messageSync, type WebsocketProvider } from "y-websocket";
import { SEEN_ORIGIN } from "@/lib/collab/flow-read";

/**
 * Knows, honestly, whether this browser's edits have reached the server's database.
 *
 * The server broadcasts an update to the *other* clients only, so the sender never sees its own
 * edit come back. Instead, after a burst of local edits we send a SyncStep1 on the same socket;
 * the server answers with a SyncStep2 only after everything it received earlier on that socket is
 * committed, so the answer proves durability of every edit made before the probe was sent.
 *
 * Answers are matched to probes by order: the server answers each SyncStep1 with exactly one
 * SyncStep2, in order. The provider itself sends one SyncStep1 when the socket opens; that
 * answer proves nothing (our offline edits only go out when we reply to the server's own
 * SyncStep1), so it sits in the queue as `null`.
 */
export type SaveState = {
  /** Local edits not yet proven durable. */
  unsaved: boolean;
};

const BURST_MS = 250;
const PROBE_TIMEOUT_MS = 5_000;
/** If a server never sends its own SyncStep1, stop waiting for it after this long. */
const HANDSHAKE_GRACE_MS = 2_000;

export class SaveTracker {
  private localSeq = 0;
  /** A probe went unanswered for PROBE_TIMEOUT_MS: the server is not confirming (yet). */
  private isStalled = false;
  private ackedSeq = 0;
  /** Per open socket: what each outstanding SyncStep1 would prove (null: nothing). */
  private pending: (number | null)[] = [];
  private socket: WebSocket | null = null;
  /** The socket on which we have replied to the server's SyncStep1 (offline edits sent). */
  private handshaken: WebSocket | null = null;
  private burstTimer: ReturnType<typeof setTimeout> | undefined;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly originalSyncHandler: WebsocketProvider["messageHandlers"][number];

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    this.originalSyncHandler = provider.messageHandlers[messageSync]!;
    provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
      const syncType = decoding.peekVarUint(decoder);
      this.originalSyncHandler(encoder, decoder, p, emitSynced, messageType);
      if (syncType === syncProtocol.messageYjsSyncStep1) this.onServerStep1(p.ws);
      else if (syncType === syncProtocol.messageYjsSyncStep2) this.onServerStep2(p.ws);
    };
    doc.on("update", this.onUpdate);
    provider.on("status", this.onStatus);
    provider.on("sync", this.onSync);
    if (provider.wsconnected && provider.ws) this.onStatus({ status: "connected" });
  }

  get unsaved(): boolean {
    return this.ackedSeq < this.localSeq;
  }

  /** Edits unconfirmed for longer than a commit takes: the server is holding them (or away). */
  get stalled(): boolean {
    return this.isStalled && this.unsaved;
  }

  private setStalled(v: boolean): void {
    if (this.isStalled === v) return;
    this.isStalled = v;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    clearTimeout(this.burstTimer);
    clearTimeout(this.probeTimer);
    clearTimeout(this.graceTimer);
    this.doc.off("update", this.onUpdate);
    this.provider.off("status", this.onStatus);
    this.provider.off("sync", this.onSync);
    this.provider.messageHandlers[messageSync] = this.originalSyncHandler;
    this.listeners.clear();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return; // a remote change, not ours
    if (origin === SEEN_ORIGIN) return; // the page's "I am here" mark, not the person's edit
    const wasUnsaved = this.unsaved;
    this.localSeq++;
    if (!wasUnsaved) this.emit();
    this.scheduleProbe();
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === "connected") {
      this.socket = this.provider.ws;
      this.handshaken = null;
      // The provider sent its own SyncStep1 on open; its answer proves nothing for us.
      this.pending = [null];
    } else {
      this.socket = null;
      this.handshaken = null;
      this.pending = [];
      this.isStalled = false;
      clearTimeout(this.probeTimer);
      clearTimeout(this.graceTimer);
    }
    this.emit();
  };

  private readonly onSync = (synced: boolean) => {
    if (!synced || this.handshaken === this.socket) return;
    const socket = this.socket;
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => {
      if (this.socket === socket && this.handshaken !== socket) this.onServerStep1(socket);
    }, HANDSHAKE_GRACE_MS);
  };

  private onServerStep1(ws: WebSocket | null): void {
    if (!ws || ws !== this.socket) return;
    this.handshaken = ws;
    clearTimeout(this.graceTimer);
    // The provider sends our SyncStep2 reply right after this handler returns; probe after it.
    if (this.unsaved) this.scheduleProbe(0);
  }

  private onServerStep2(ws: WebSocket | null): void {
    if (!ws || ws !== this.socket) return;
    const proves = this.pending.shift();
    if (typeof proves === "number" && proves > this.ackedSeq) {
      this.ackedSeq = proves;
      this.isStalled = false;
      clearTimeout(this.probeTimer);
      this.emit();
    }
    if (this.unsaved && !this.pending.some((p) => p !== null)) this.scheduleProbe();
  }

  private scheduleProbe(delay = BURST_MS): void {
    clearTimeout(this.burstTimer);
    this.burstTimer = setTimeout(() => this.sendProbe(), delay);
  }

  private sendProbe(): void {
    const ws = this.provider.ws;
    if (!this.unsaved || !ws || ws !== this.socket || ws !== this.handshaken) return;
    if (ws.readyState !== WebSocket.OPEN || !this.provider.wsconnected) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.pending.push(this.localSeq);
    clearTimeout(this.probeTimer);
    // No answer in time (the server holds writers back, its database is away, a lost frame): say
    // so, and ask again rather than wait forever.
    this.probeTimer = setTimeout(() => {
      this.setStalled(true);
      this.sendProbe();
    }, PROBE_TIMEOUT_MS);
  }
}
