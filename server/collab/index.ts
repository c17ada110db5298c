import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { resolveOptions, type CollabServerOptions } from "./options";
import { parseRequestTarget } from "./request-target";
import { CommitQueue, type CommitStats } from "./commit-queue";
import { RoomRegistry } from "./room-registry";
import { Connection } from "./connection";
import { CloseCode } from "./close-codes";
import { startHeartbeat } from "./heartbeat";
import { UpdateValidator } from "./update-validator";
import { createRedisFanout } from "./redis-fanout";
import { startAccessRecheck } from "./access-recheck";
import { OpenLimiter } from "./open-limiter";
import { PrincipalCache } from "./principal-cache";

export type { CollabServerOptions, CollabDeps, CollabLog, CollabLimits } from "./options";
export type { Fanout, RoomChannel, FanoutHandlers } from "./fanout";
export type { CommitStats } from "./commit-queue";

export type CollabServer = {
  /** Handle an HTTP upgrade if its path is under opts.path (`/collab/<room>?ticket=…`); return false otherwise so the caller hands it to Next. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** SIGTERM path: stop accepting, close every socket with 1012, wait for every pending commit, compact loaded rooms, resolve. */
  close(): Promise<void>;
  stats(): CollabStats;
  /** Can this instance take edits now? False while its database fails (readiness, /readyz). */
  readiness(): { ok: boolean; detail?: string };
  /** The commit queue's depth and monotonic counters (for /metrics). */
  commitStats(): CommitStats;
  /** False once close() has begun: new sockets are refused (for /readyz). */
  accepting(): boolean;
  /** This instance's id on the fan-out bus (null without one). */
  readonly instanceId: string | null;
};

export type CollabStats = {
  rooms: number;
  connections: number;
  /** Updates waiting for their commit (queued or in flight), their bytes, and the largest both have been. */
  pendingWrites: number;
  pendingBytes: number;
  peakPendingWrites: number;
  peakPendingBytes: number;
  /** How long the oldest of them has waited, ms. */
  commitQueueAgeMs: number;
  /** Sockets refused at join because the server was busy (4503), since start. */
  refusedJoins: number;
  databaseHealthy: boolean;
};

/** How long close() lets clients answer the close handshake before cutting their sockets. */
const CLOSE_HANDSHAKE_MS = 2_000;

/**
 * The collaboration WebSocket server: y-protocols sync + awareness for the stock y-websocket
 * client, authorised by ticket, every update committed to PostgreSQL before anyone else sees it.
 * One instance per process (its commit queue groups all rooms' writes). With `redisUrl` (or
 * deps.fanout) several processes serve the same rooms, fanning updates out after their commit.
 */
export function createCollabServer(options?: CollabServerOptions): CollabServer {
  const resolved = resolveOptions(options);
  // Warm joins skip the database: see principal-cache.ts (invalidated by the revocation bus below).
  const principals = new PrincipalCache(resolved.deps, Math.min(resolved.sessionRecheckMs, resolved.principalCacheMs), resolved.log);
  const opts = { ...resolved, deps: { ...resolved.deps, authorize: principals.authorize, recordOpened: principals.recordOpened } };
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes });
  const queue = new CommitQueue(opts.deps.append, opts.log, {
    maxUpdates: opts.commitQueueMaxUpdates,
    maxBytes: opts.commitQueueMaxBytes,
    maxRoomUpdates: opts.commitQueueMaxRoomUpdates,
    maxRoomBytes: opts.commitQueueMaxRoomBytes,
    joinRefuseAgeMs: opts.joinRefuseQueueAgeMs,
  });
  let refusedJoins = 0;
  const fanout =
    opts.deps.fanout ?? (opts.redisUrl ? createRedisFanout({ url: opts.redisUrl, prefix: opts.redisPrefix, log: opts.log }) : null);
  const registry = new RoomRegistry(opts, queue, fanout);
  const validator = new UpdateValidator(opts);
  const openLimiter = new OpenLimiter(opts.opensPerMinute, opts.openBurst);
  const connections = new Set<Connection>();
  const stopHeartbeat = startHeartbeat(opts.pingIntervalMs, () => connections);
  let closing: Promise<void> | null = null;

  // Revoked access ends live sockets at once, not at their next reconnect: a removed participant
  // or revoked link → 4403 (the client stops); an ended session → 4401 for the sockets opened
  // with it (see revocation-effect.ts). Sockets still authorising hear it too (connection.ts), so
  // one verified just before the change is refused as it joins. The periodic re-check is the
  // backstop for a lost message and for sessions that simply expire.
  const stopRevocations = opts.deps.onRevocation((event) => {
    principals.invalidate(event);
    for (const c of connections) c.revoke(event);
  });
  const stopRecheck = startAccessRecheck({
    intervalMs: opts.sessionRecheckMs,
    recheck: opts.deps.recheck,
    sockets: () => connections,
    log: opts.log,
  });

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const target = parseRequestTarget(req.url, opts.path);
    if (!target) return false;
    try {
      if (closing) {
        // Shutting down: no socket, so the client backs off and finds the next instance.
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return true;
      }
      // Browsers always send Origin on a WebSocket handshake; a foreign or `null` one is another
      // site's page trying to ride on our user's ticket. No Origin at all is a non-browser tool
      // (a stock y-websocket client in Node), which still needs a valid ticket.
      const origin = req.headers.origin;
      const originOk = opts.allowedOrigins
        ? origin !== undefined && opts.allowedOrigins.includes(origin)
        : opts.deps.originAllowed(origin, req.headers.host);
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new Connection(ws, target.room, target.ticket, registry, opts, validator, openLimiter);
        connections.add(conn);
        void conn.closed.then(() => connections.delete(conn));
        if (closing) return conn.close(CloseCode.serviceRestart, "server restarting");
        // Admission: while commits lag or the database is away, a newcomer is told to come back
        // (no database round trip spent on it), so the rooms already open keep their latency.
        if (!queue.admitsJoin()) {
          refusedJoins++;
          return conn.close(CloseCode.busy, "server busy");
        }
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
    stopRevocations();
    stopRecheck();
    const all = [...connections];
    for (const c of all) c.close(CloseCode.serviceRestart, "server restarting");
    await queue.whenIdle();
    // From here no room is loaded any more; one still authorising finds the registry closed.
    await registry.close();
    await queue.whenIdle();
    await validator.close();
    // After the last commit: the last publishes go out before the bus connection closes.
    await fanout?.close();
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
    stats: () => ({
      rooms: registry.size,
      connections: connections.size,
      pendingWrites: queue.pending,
      pendingBytes: queue.pendingBytes,
      peakPendingWrites: queue.peak.updates,
      peakPendingBytes: queue.peak.bytes,
      commitQueueAgeMs: queue.ageMs(),
      refusedJoins,
      databaseHealthy: queue.healthy,
    }),
    readiness: () =>
      queue.healthy ? { ok: true } : { ok: false, detail: `commits are being retried: ${queue.failure ?? "database unavailable"}` },
    commitStats: () => queue.stats(),
    accepting: () => closing === null,
    instanceId: fanout?.instanceId ?? null,
  };
}
