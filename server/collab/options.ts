import { authorizeCollabConnection } from "@/lib/collab-store/authorize-connection";
import { loadDocument } from "@/lib/collab-store/load-document";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { compactDocument } from "@/lib/collab-store/compact-document";

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
};

export type CollabServerOptions = {
  /** URL prefix of the socket endpoint; a room is `${path}/<room>?ticket=…`. */
  path?: string;
  /** Largest frame accepted; ws closes the sender with 1009 beyond it. */
  maxPayloadBytes?: number;
  /** How long an empty room stays loaded, so a quick reload of the page finds it warm. */
  unloadAfterMs?: number;
  /** Committed updates in a live room before its update log is folded. */
  compactAfterUpdates?: number;
  pingIntervalMs?: number;
  /** When set, an upgrade whose Origin header is not listed is closed with 4403. */
  allowedOrigins?: readonly string[];
  log?: CollabLog;
  /** Test and bench seam; see CollabDeps. */
  deps?: Partial<CollabDeps>;
};

export type ResolvedOptions = {
  path: string;
  maxPayloadBytes: number;
  unloadAfterMs: number;
  compactAfterUpdates: number;
  pingIntervalMs: number;
  allowedOrigins: readonly string[] | null;
  log: CollabLog;
  deps: CollabDeps;
};

const defaultLog: CollabLog = (msg, extra) => console.log(`[collab] ${msg}`, extra ?? "");

export function resolveOptions(opts: CollabServerOptions = {}): ResolvedOptions {
  return {
    path: (opts.path ?? "/collab").replace(/\/+$/, ""),
    maxPayloadBytes: opts.maxPayloadBytes ?? 1024 * 1024,
    unloadAfterMs: opts.unloadAfterMs ?? 10_000,
    compactAfterUpdates: opts.compactAfterUpdates ?? 500,
    pingIntervalMs: opts.pingIntervalMs ?? 30_000,
    allowedOrigins: opts.allowedOrigins ?? null,
    log: opts.log ?? defaultLog,
    deps: {
      authorize: opts.deps?.authorize ?? authorizeCollabConnection,
      load: opts.deps?.load ?? loadDocument,
      append: opts.deps?.append ?? appendDocumentUpdates,
      compact: opts.deps?.compact ?? compactDocument,
    },
  };
}
