import { WebSocket } from "ws";
import * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Endpoint } from "../lib/targets";

/**
 * A full client: a real Y.Doc behind the stock provider of its server (y-websocket 3.1.0's
 * WebsocketProvider with `ws` and disableBc for ours and ywss, HocuspocusProvider for hp, which
 * the stock provider cannot talk to). Counts the bytes it receives, and every (re)sync.
 */
export type FullClient = {
  doc: Y.Doc;
  awareness: Awareness;
  synced: boolean;
  /** How many times the provider reported synced (1 after the first sync, 2 after a resync...). */
  syncCount: number;
  bytesIn: number;
  onSync(f: () => void): void;
  whenSynced(timeoutMs?: number): Promise<void>;
  destroy(): void;
};

export function createFullClient(ep: Endpoint, user: { name: string; color: string }): FullClient {
  const doc = new Y.Doc();
  const listeners: (() => void)[] = [];
  const client = { doc, synced: false, syncCount: 0, bytesIn: 0 } as FullClient;
  const count = (n: number) => (client.bytesIn += n);
  // A WebSocket that counts what it receives; otherwise exactly `ws`.
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      // Closing a socket that is still connecting makes ws emit "error"; a provider torn down at
      // the end of an overload run (joins the server had not answered yet) has already let go of
      // its handlers, and an error nobody listens to would end the whole bench run.
      this.on("error", () => {});
      this.on("message", (d: Buffer | ArrayBuffer | Buffer[]) =>
        count(Array.isArray(d) ? d.reduce((a, b) => a + b.length, 0) : d instanceof ArrayBuffer ? d.byteLength : d.length),
      );
    }
  }
  const synced = () => {
    client.synced = true;
    client.syncCount++;
    for (const f of listeners) f();
  };
  let destroy: () => void;
  if (ep.protocol === "yws") {
    const p = new WebsocketProvider(ep.url, ep.room, doc, {
      WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: ep.params,
    });
    p.on("sync", (isSynced: boolean) => (isSynced ? synced() : (client.synced = false)));
    client.awareness = p.awareness;
    destroy = () => p.destroy();
  } else {
    // Its own socket per client (a browser tab has one), as `url` would create, but with `ws`.
    const socket = new HocuspocusProviderWebsocket({ url: ep.url, WebSocketPolyfill: CountingWebSocket });
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name: ep.room,
      document: doc,
      token: "bench",
      onSynced: ({ state }: { state: boolean }) => (state ? synced() : (client.synced = false)),
      onDisconnect: () => (client.synced = false),
    });
    p.attach();
    client.awareness = p.awareness!;
    destroy = () => {
      p.destroy();
      socket.destroy();
    };
  }
  client.awareness.setLocalState({ user: { participantId: ep.participantId, ...user } });
  client.onSync = (f) => listeners.push(f);
  client.whenSynced = (timeoutMs = 30_000) =>
    client.synced
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const t = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms (${ep.room})`)), timeoutMs);
          listeners.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
  client.destroy = () => {
    destroy();
    doc.destroy();
  };
  return client;
}
