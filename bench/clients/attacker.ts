import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import type { Endpoint } from "../lib/targets";

/**
 * S7: a participant's socket that misbehaves. It speaks the framing of its server (hp: document
 * name first, after an Auth message) so that what arrives is the attack, not a framing error, and
 * records how the server ended it.
 */
export class Attacker {
  closeCode: number | null = null;
  private ws!: WebSocket;
  readonly opened: Promise<void>;

  constructor(private readonly ep: Endpoint) {
    const url =
      ep.protocol === "hp" ? ep.url : `${ep.url}/${ep.room}${Object.keys(ep.params).length ? `?${new URLSearchParams(ep.params)}` : ""}`;
    this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    this.ws.on("error", () => {});
    this.ws.on("message", () => {});
    this.ws.on("close", (code) => (this.closeCode = code));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => {
        if (ep.protocol === "hp")
          this.frame((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, "bench")));
        // The usual handshake first: the attack comes from a socket that is already in the room.
        this.frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0]))));
        resolve();
      });
      this.ws.once("close", () => reject(new Error(`attacker socket closed before open (${this.closeCode})`)));
    });
    this.opened.catch(() => {});
  }

  /** How the socket ended: the close code, else its state now. */
  get outcome(): string {
    if (this.closeCode !== null) return `closed ${this.closeCode}`;
    return ["connecting", "open", "closing", "closed"][this.ws.readyState] ?? "unknown";
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** A message of the protocol (prefixed with the document name for hp). */
  frame(write: (e: encoding.Encoder) => void): void {
    if (!this.open) return;
    const e = encoding.createEncoder();
    if (this.ep.protocol === "hp") encoding.writeVarString(e, this.ep.room);
    write(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  /** Bytes as they are, no framing. */
  raw(bytes: Uint8Array): void {
    if (this.open) this.ws.send(bytes);
  }

  update(update: Uint8Array): void {
    this.frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)));
  }

  awareness(entries: { clientId: number; clock: number; state: object }[]): void {
    const a = encoding.createEncoder();
    encoding.writeVarUint(a, entries.length);
    for (const x of entries) {
      encoding.writeVarUint(a, x.clientId);
      encoding.writeVarUint(a, x.clock);
      encoding.writeVarString(a, JSON.stringify(x.state));
    }
    const body = encoding.toUint8Array(a);
    this.frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, body)));
  }

  destroy(): void {
    this.ws.terminate();
  }
}
