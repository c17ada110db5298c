/**
 * Bench entry for the REFERENCE server: y-websocket@1.5.4's bundled server (installed as
 * `y-websocket-legacy`). This is bin/server.js line for line (same `ws`, same setupWSConnection
 * from bin/utils.js), plus the bench stats path. Persistence: YPERSISTENCE=<dir> makes utils.js
 * store every update in LevelDB (y-leveldb), as the stock server does. Env: PORT, YPERSISTENCE.
 */
import http from "node:http";
import { createRequire } from "node:module";
import { announceReady, createStatsHandler } from "./server-stats";

// Orphan guard: when the bench harness dies, our stdin closes, and so do we.
process.stdin.resume();
process.stdin.on("end", () => process.exit(2));

const require = createRequire(import.meta.url);
const utilsPath = require.resolve("y-websocket-legacy/bin/utils");
// bin/server.js requires `ws` from its own folder: y-websocket 1.5.4's own ws@6, not ours.
const WebSocket = createRequire(utilsPath)("ws") as { Server: new (o: object) => WsServer };
type WsServer = {
  handleUpgrade(req: http.IncomingMessage, socket: unknown, head: Buffer, cb: (ws: unknown) => void): void;
  emit(ev: string, ...args: unknown[]): void;
  on(ev: string, f: (...args: unknown[]) => void): void;
  clients: Set<unknown>;
};
const utils = require(utilsPath) as { setupWSConnection: (...args: unknown[]) => void; docs: Map<string, unknown> };

const wss = new WebSocket.Server({ noServer: true });
const stats = createStatsHandler(() => ({ rooms: utils.docs.size, connections: wss.clients.size }));
const server = http.createServer((request, response) => {
  if (stats(request, response)) return;
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
wss.on("connection", utils.setupWSConnection);
server.on("upgrade", (request: http.IncomingMessage, socket: unknown, head: Buffer) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => announceReady({ persistence: process.env.YPERSISTENCE ?? null }));
