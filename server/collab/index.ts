import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { resolveOptions, type CollabServerOptions } from "./options";
import { parseRequestTarget } from "./request-target";
import { CommitQueue } from "./commit-queue";
import { RoomRegistry } from "./room-registry";
import { Connection } from "./connection";
import { CloseCode } from "./close-codes";
import { startHeartbeat } from "./heartbeat";

export type { CollabServerOptions, CollabDeps, CollabLog } from "./options";

export type CollabServer = {
  /** Handle an HTTP upgrade if its path is under opts.path (`/collab/<room>?ticket=…`); return false otherwise so the caller hands it to Next. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** SIGTERM path: stop accepting, close every socket with 1012, wait for every pending commit, compact loaded rooms, resolve. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number; pendingWrites: number };
};

/** How long close() lets clients answer the close handshake before cutting their sockets. */
const CLOSE_HANDSHAKE_MS = 2_000;

/**
 * The collaboration WebSocket server: y-protocols sync + awareness for the stock y-websocket
 * client, authorised by ticket, every update committed to PostgreSQL before anyone else sees it.
 * One instance per process (its commit queue groups all rooms' writes).
 */
export function createCollabServer(options?: CollabServerOptions): CollabServer {
  const opts = resolveOptions(options);
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes });
  const queue = new CommitQueue(opts.deps.append, opts.log);
  const registry = new RoomRegistry(opts, queue);
  const connections = new Set<Connection>();
  const stopHeartbeat = startHeartbeat(opts.pingIntervalMs, () => connections);
  let closing: Promise<void> | null = null;

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const target = parseRequestTarget(req.url, opts.path);
    if (!target) return false;
    try {
      if (closing) {
        // Shutting down: no socket, so the client backs off and finds the next instance.
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return true;
      }
      const origin = req.headers.origin;
      const originOk = !opts.allowedOrigins || (origin !== undefined && opts.allowedOrigins.includes(origin));
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new Connection(ws, target.room, target.ticket, registry, opts);
        connections.add(conn);
        void conn.closed.then(() => connections.delete(conn));
        if (closing) return conn.close(CloseCode.serviceRestart, "server restarting");
        conn.start(originOk ? undefined : { code: CloseCode.forbidden, reason: "origin not allowed" });
      });
    } catch (e) {
      opts.log("upgrade failed", { error: String(e) });
      socket.destroy();
    }
    return true;
  }

  async function shutdown(): Promise<void> {
    stopHeartbeat();
    const all = [...connections];
    for (const c of all) c.close(CloseCode.serviceRestart, "server restarting");
    await queue.whenIdle();
    // From here no room is loaded any more; one still authorising finds the registry closed.
    await registry.close();
    await queue.whenIdle();
    const cut = setTimeout(() => all.forEach((c) => c.terminate()), CLOSE_HANDSHAKE_MS);
    await Promise.all(all.map((c) => c.closed));
    clearTimeout(cut);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return {
    handleUpgrade,
    close() {
      closing ??= shutdown().catch((e) => opts.log("shutdown failed", { error: String(e) }));
      return closing;
    },
    stats: () => ({ rooms: registry.size, connections: connections.size, pendingWrites: queue.pending }),
  };
}
