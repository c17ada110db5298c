import { authorizeCollabConnection } from "@/lib/collab-store/authorize-connection";
import { loadDocument } from "@/lib/collab-store/load-document";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { compactDocument } from "@/lib/collab-store/compact-document";
import { env } from "@/lib/env";
import { recordDocumentOpened } from "@/lib/audit/record-document-opened";
import { onRevocation } from "@/lib/access/revocation-bus";
import { recheckCollabAccess } from "@/lib/collab-store/recheck-collab-access";
import { isAllowedSocketOrigin } from "@/lib/web-security/origin-policy";
import type { Fanout } from "./fanout";
import { schemaForDoc } from "@/lib/collab/doc-schema";
import type { DocSchema } from "@/lib/collab/schema-kit";
import { logger } from "@/lib/log/logger";

export type CollabLog = (msg: string, extra?: object) => void;

/**
 * The lib/ use-cases the server depends on. Production uses the real ones; tests and the bench
 * may wrap them (a slow or failing commit, a slow authorisation) without touching the database.
 */
export type CollabDeps = {
  authorize: typeof authorizeCollabConnection;
  load: typeof loadDocument;
  append: typeof appendDocumentUpdates;
  compact: (name: string) => Promise<unknown>;
  /** The access log: opening a document shows its data, so each accepted socket writes one row. */
  recordOpened: typeof recordDocumentOpened;
  /** Access changes (participant removed, link revoked, session ended) that must close live sockets. */
  onRevocation: typeof onRevocation;
  /** The periodic backstop: are these sockets' sessions still live and participants still on the case? */
  recheck: typeof recheckCollabAccess;
  /** May a browser on this Origin open a socket here? (Host = the upgrade's Host header.) */
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
  /**
   * Fan-out to the other instances (Redis in production, see redis-fanout.ts). When absent and
   * `redisUrl` is set, a Redis fan-out is created; when both are absent the server is alone.
   */
  fanout?: Fanout;
};

/**
 * Every limit has an environment variable (lib/env.ts, README "Configuration") whose value is the
 * default here; an option passed to createCollabServer wins over it.
 */
export type CollabLimits = {
  /** Largest frame accepted; ws closes the sender with 1009 beyond it. COLLAB_MAX_FRAME_BYTES */
  maxPayloadBytes: number;
  /** Largest encoded document; an update that would grow a room past it is refused (1009). COLLAB_MAX_DOC_BYTES */
  maxDocBytes: number;
  /** Token bucket for updates per connection. COLLAB_UPDATES_PER_SECOND, COLLAB_UPDATE_BURST */
  updatesPerSecond: number;
  updateBurst: number;
  /** Token bucket for awareness per connection. COLLAB_AWARENESS_PER_SECOND, COLLAB_AWARENESS_BURST */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Over a rate limit without a break for this long → closed 1008. COLLAB_THROTTLE_CLOSE_MS */
  throttleCloseMs: number;
  /** COLLAB_MAX_AWARENESS_PER_ROOM, COLLAB_MAX_AWARENESS_PER_CONNECTION */
  maxAwarenessPerRoom: number;
  maxAwarenessPerConnection: number;
  /** A reader this far behind is dropped. COLLAB_MAX_BUFFERED_BYTES */
  maxBufferedBytes: number;
  /** Budget for decoding one update in a worker. COLLAB_DECODE_BUDGET_MS */
  decodeBudgetMs: number;
  /** Updates up to this size are decoded inline. COLLAB_DECODE_INLINE_BYTES */
  decodeInlineBytes: number;
  /** Decode worker threads. COLLAB_DECODE_WORKERS */
  decodeWorkers: number;
  /** Every open socket's session and participant are re-checked this often. COLLAB_SESSION_RECHECK_MS */
  sessionRecheckMs: number;
  /** Socket opens per participant and instance; beyond the bucket an open is refused (1013). COLLAB_OPENS_PER_MINUTE, COLLAB_OPEN_BURST */
  opensPerMinute: number;
  openBurst: number;
  /**
   * Bounds of the commit queue (updates and bytes waiting for their commit), for the server and
   * for one room: past one, writers are paused until commits make room (TCP back-pressure).
   * COLLAB_COMMIT_QUEUE_MAX_UPDATES, _MAX_BYTES, _ROOM_MAX_UPDATES, _ROOM_MAX_BYTES
   */
  commitQueueMaxUpdates: number;
  commitQueueMaxBytes: number;
  commitQueueMaxRoomUpdates: number;
  commitQueueMaxRoomBytes: number;
  /** New joins are refused (4503) while the oldest update waits longer than this for its commit. COLLAB_JOIN_REFUSE_QUEUE_MS */
  joinRefuseQueueAgeMs: number;
  /** A writer held back by a full queue this long is closed 4503 (its client keeps its edits). COLLAB_BUSY_CLOSE_MS */
  busyCloseMs: number;
};

export type CollabServerOptions = Partial<CollabLimits> & {
  /** URL prefix of the socket endpoint; a room is `${path}/<room>?ticket=…`. */
  path?: string;
  /** How long a warm join may reuse a socket's authorisation (never longer than sessionRecheckMs); 0: never. */
  principalCacheMs?: number;
  /** How long an empty room stays loaded, so a quick reload of the page finds it warm. */
  unloadAfterMs?: number;
  /** Committed updates in a live room before its update log is folded. */
  compactAfterUpdates?: number;
  pingIntervalMs?: number;
  /** When set, an upgrade whose Origin header is not listed is closed with 4403. */
  allowedOrigins?: readonly string[];
  /** Redis for scale-out (REDIS_URL); ignored when deps.fanout is given. */
  redisUrl?: string;
  /** Channel prefix on Redis (COLLAB_REDIS_PREFIX); tests use a unique one per run. */
  redisPrefix?: string;
  /** Test seam: the decode worker script (a stub that hangs, to test the budget). */
  decodeWorkerUrl?: URL;
  /**
   * The shape a room's document must keep (lib/collab/doc-schema.ts); default: by the document's
   * name. Tests and the bench pass one with scratch roots of their own (server/collab/testing).
   */
  docSchema?: (room: string) => DocSchema | null;
  log?: CollabLog;
  /** Test and bench seam; see CollabDeps. */
  deps?: Partial<CollabDeps>;
};

export type ResolvedOptions = CollabLimits & {
  path: string;
  principalCacheMs: number;
  unloadAfterMs: number;
  compactAfterUpdates: number;
  pingIntervalMs: number;
  allowedOrigins: readonly string[] | null;
  redisUrl: string | null;
  redisPrefix: string;
  decodeWorkerUrl: URL | null;
  docSchema: (room: string) => DocSchema | null;
  log: CollabLog;
  deps: CollabDeps;
};

const collabLog = logger("collab");
// Everything the collaboration server logs is something that went wrong or was refused.
const defaultLog: CollabLog = (msg, extra) => collabLog.warn(msg, extra);

export function resolveOptions(opts: CollabServerOptions = {}): ResolvedOptions {
  const e = env();
  return {
    path: (opts.path ?? "/collab").replace(/\/+$/, ""),
    maxPayloadBytes: opts.maxPayloadBytes ?? e.COLLAB_MAX_FRAME_BYTES,
    maxDocBytes: opts.maxDocBytes ?? e.COLLAB_MAX_DOC_BYTES,
    updatesPerSecond: opts.updatesPerSecond ?? e.COLLAB_UPDATES_PER_SECOND,
    updateBurst: opts.updateBurst ?? e.COLLAB_UPDATE_BURST,
    awarenessPerSecond: opts.awarenessPerSecond ?? e.COLLAB_AWARENESS_PER_SECOND,
    awarenessBurst: opts.awarenessBurst ?? e.COLLAB_AWARENESS_BURST,
    throttleCloseMs: opts.throttleCloseMs ?? e.COLLAB_THROTTLE_CLOSE_MS,
    maxAwarenessPerRoom: opts.maxAwarenessPerRoom ?? e.COLLAB_MAX_AWARENESS_PER_ROOM,
    maxAwarenessPerConnection: opts.maxAwarenessPerConnection ?? e.COLLAB_MAX_AWARENESS_PER_CONNECTION,
    maxBufferedBytes: opts.maxBufferedBytes ?? e.COLLAB_MAX_BUFFERED_BYTES,
    decodeBudgetMs: opts.decodeBudgetMs ?? e.COLLAB_DECODE_BUDGET_MS,
    decodeInlineBytes: opts.decodeInlineBytes ?? e.COLLAB_DECODE_INLINE_BYTES,
    decodeWorkers: opts.decodeWorkers ?? e.COLLAB_DECODE_WORKERS,
    sessionRecheckMs: opts.sessionRecheckMs ?? e.COLLAB_SESSION_RECHECK_MS,
    opensPerMinute: opts.opensPerMinute ?? e.COLLAB_OPENS_PER_MINUTE,
    openBurst: opts.openBurst ?? e.COLLAB_OPEN_BURST,
    commitQueueMaxUpdates: opts.commitQueueMaxUpdates ?? e.COLLAB_COMMIT_QUEUE_MAX_UPDATES,
    commitQueueMaxBytes: opts.commitQueueMaxBytes ?? e.COLLAB_COMMIT_QUEUE_MAX_BYTES,
    commitQueueMaxRoomUpdates: opts.commitQueueMaxRoomUpdates ?? e.COLLAB_COMMIT_QUEUE_ROOM_MAX_UPDATES,
    commitQueueMaxRoomBytes: opts.commitQueueMaxRoomBytes ?? e.COLLAB_COMMIT_QUEUE_ROOM_MAX_BYTES,
    joinRefuseQueueAgeMs: opts.joinRefuseQueueAgeMs ?? e.COLLAB_JOIN_REFUSE_QUEUE_MS,
    busyCloseMs: opts.busyCloseMs ?? e.COLLAB_BUSY_CLOSE_MS,
    principalCacheMs: opts.principalCacheMs ?? 30_000,
    unloadAfterMs: opts.unloadAfterMs ?? 10_000,
    compactAfterUpdates: opts.compactAfterUpdates ?? 500,
    pingIntervalMs: opts.pingIntervalMs ?? 30_000,
    allowedOrigins: opts.allowedOrigins ?? null,
    redisUrl: opts.redisUrl ?? null,
    redisPrefix: opts.redisPrefix ?? e.COLLAB_REDIS_PREFIX,
    decodeWorkerUrl: opts.decodeWorkerUrl ?? null,
    docSchema: opts.docSchema ?? schemaForDoc,
    log: opts.log ?? defaultLog,
    deps: {
      authorize: opts.deps?.authorize ?? authorizeCollabConnection,
      load: opts.deps?.load ?? loadDocument,
      append: opts.deps?.append ?? appendDocumentUpdates,
      compact: opts.deps?.compact ?? compactDocument,
      recordOpened: opts.deps?.recordOpened ?? recordDocumentOpened,
      onRevocation: opts.deps?.onRevocation ?? onRevocation,
      recheck: opts.deps?.recheck ?? recheckCollabAccess,
      originAllowed:
        opts.deps?.originAllowed ?? ((origin, host) => isAllowedSocketOrigin(origin, host, { publicUrl: e.PUBLIC_URL ?? null })),
      fanout: opts.deps?.fanout,
    },
  };
}
