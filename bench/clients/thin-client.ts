import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import type { Endpoint } from "../lib/targets";
import type { Rng } from "../lib/prng";

/**
 * A thin protocol client: the handshake (SyncStep1 with an empty state vector, answering the
 * server's SyncStep1 with an empty SyncStep2), a canned awareness state at 1 Hz, everything else
 * received and discarded. Holds no Y.Doc, so thousands fit in the generator next to the full
 * clients. Reconnects like the client of its server: y-websocket's 100·2ⁿ ms capped at 2.5 s
 * without jitter; Hocuspocus's provider 1 s·2ⁿ capped at 30 s with jitter (its defaults).
 * For hp every frame carries the document name and the socket first sends an Auth message.
 */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export class ThinClient {
  synced = false;
  syncCount = 0;
  private ws: WebSocket | null = null;
  private clock = 0;
  private readonly clientId: number;
  private destroyed = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  onSync: (() => void) | null = null;

  constructor(
    private readonly ep: Endpoint,
    private readonly rng: Rng,
    private readonly state: object,
  ) {
    this.clientId = rng.int(1, 2 ** 31 - 1);
  }

  connect(): void {
    if (this.destroyed) return;
    const url = this.ep.protocol === "hp" ? this.ep.url : `${this.ep.url}/${this.ep.room}${paramsOf(this.ep.params)}`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = "nodebuffer";
    this.ws = ws;
    ws.on("open", () => {
      this.failures = 0;
      if (this.ep.protocol === "hp") {
        this.send((e) => {
          encoding.writeVarUint(e, 2); // Auth
          encoding.writeVarUint(e, 0); // Token
          encoding.writeVarString(e, "bench");
        });
      }
      this.send((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR);
      });
      this.sendAwareness();
    });
    ws.on("message", (data: Buffer) => this.receive(data));
    ws.on("error", () => {});
    ws.on("close", () => {
      this.synced = false;
      if (this.ws === ws) this.ws = null;
      if (!this.destroyed) this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const n = this.failures++;
    const delay =
      this.ep.protocol === "hp"
        ? Math.max(1000, Math.floor(this.rng.next() * Math.min(1000 * 2 ** n, 30_000)))
        : Math.min(100 * 2 ** n, 2500);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private receive(data: Buffer): void {
    try {
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (this.ep.protocol === "hp") decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      if (type !== 0 && type !== 4) return; // only sync (and hp's SyncReply) matter
      const sub = decoding.readVarUint(d);
      if (sub === 0) {
        this.send((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, EMPTY_UPDATE);
        });
      } else if (sub === 1 && !this.synced) {
        this.synced = true;
        this.syncCount++;
        this.onSync?.();
      }
    } catch {
      // Input is discarded; a frame we cannot parse is not ours to judge.
    }
  }

  /** Send the canned awareness state with the next clock (1 Hz from the room's timer). */
  sendAwareness(): void {
    this.clock++;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.clientId);
    encoding.writeVarUint(update, this.clock);
    encoding.writeVarString(update, JSON.stringify(this.state));
    const body = encoding.toUint8Array(update);
    this.send((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, body);
    });
  }

  private send(write: (e: encoding.Encoder) => void): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (this.ep.protocol === "hp") encoding.writeVarString(e, this.ep.room);
    write(e);
    ws.send(encoding.toUint8Array(e));
  }

  destroy(): void {
    this.destroyed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.ws?.terminate();
    this.ws = null;
  }
}

function paramsOf(params: Record<string, string>): string {
  const q = new URLSearchParams(params).toString();
  return q ? `?${q}` : "";
}
