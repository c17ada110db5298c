import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createClient } from "redis";
import { env } from "../env";
import { logger } from "../log/logger";

const defaultLog = logger("revocation");

/**
 * The revocation bus: "this participant must lose their live connections now". Whoever changes
 * access (removing a participant, revoking their link, ending a session) publishes here after the
 * change is committed; the collaboration server listens and closes that participant's sockets.
 *
 * In one process it is an EventEmitter held on `globalThis`: Next bundles its own copy of lib/
 * for route handlers and server actions, while the socket server loads lib/ through tsx, so a
 * module-level emitter would be two emitters. With REDIS_URL set, every event also goes over
 * Redis pub/sub so the other instances hear it; each message carries its instance id, and an
 * instance ignores its own (it has already delivered it locally, without waiting for Redis).
 *
 * Pub/sub delivers at most once. That is acceptable here because this is the fast path only:
 * the socket server re-checks the participant (not removed) and the ticket's session (live) on
 * every connection, and re-checks every open socket's session periodically
 * (`COLLAB_SESSION_RECHECK_MS`), so a lost message leaves a socket open at most until that
 * re-check, and never re-admits one.
 */
export type RevocationEvent =
  /** Removed from the case, or their invitation revoked: every socket of theirs closes with 4403. */
  | { type: "participant_revoked"; participantId: string; at: number }
  /**
   * One session ended (signed out). Tickets are bound to the session that fetched them
   * (`sessionId` is its SessionRef, lib/access/session-ref.ts), so the socket server closes that
   * session's sockets with 4401 and leaves the participant's other devices alone. Without a
   * `sessionId` every socket of the participant closes with 4401: a device whose session is still
   * valid fetches a fresh ticket and reconnects at once; the signed-out one gets 401 and stays out.
   */
  | { type: "session_ended"; participantId: string; sessionId: string | null; at: number }
  /**
   * A meeting was completed or cancelled: its room is read-only for everyone from now on
   * (lib/collab/room-closed.ts). Every socket of that room is made read-only at once and closed
   * with 4409, so its client comes back with a fresh (read-only) ticket and says why.
   */
  | { type: "meeting_completed"; meetingId: string; at: number }
  /** A case was closed: every room of the case (each meeting's and the preparation) turns read-only the same way. */
  | { type: "case_closed"; caseId: string; at: number };

export type RevocationListener = (event: RevocationEvent) => void;
export type RevocationLog = (msg: string, extra?: object) => void;

export type RevocationBus = {
  publishParticipantRevoked(participantId: string): Promise<void>;
  publishSessionEnded(input: { participantId: string; sessionId?: string | null }): Promise<void>;
  publishMeetingCompleted(meetingId: string): Promise<void>;
  publishCaseClosed(caseId: string): Promise<void>;
  /** Listen to every revocation, local and (with Redis) from other instances. Returns unsubscribe. */
  onRevocation(listener: RevocationListener): () => void;
  /** Resolves once this instance hears other instances (the Redis subscription is confirmed). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** How long a publish may wait for Redis before it gives up (and logs); local delivery is immediate. */
const PUBLISH_TIMEOUT_MS = 2_000;

export function createRevocationBus(opts: { redisUrl?: string | null; channel?: string; log?: RevocationLog } = {}): RevocationBus {
  const instanceId = randomUUID();
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const log: RevocationLog = opts.log ?? ((msg, extra) => defaultLog.error(msg, extra));
  const channel = opts.channel ?? "stepwise:revocations";
  const redis = opts.redisUrl ? connectRedis(opts.redisUrl, channel, instanceId, deliver, log) : null;

  function deliver(event: RevocationEvent): void {
    for (const l of emitter.listeners("revocation") as RevocationListener[]) {
      try {
        l(event);
      } catch (e) {
        log("listener failed", { error: String(e) });
      }
    }
  }

  async function publish(event: RevocationEvent): Promise<void> {
    deliver(event);
    if (redis) await redis.publish(event);
  }

  return {
    publishParticipantRevoked: (participantId) => publish({ type: "participant_revoked", participantId, at: Date.now() }),
    publishSessionEnded: ({ participantId, sessionId }) =>
      publish({ type: "session_ended", participantId, sessionId: sessionId ?? null, at: Date.now() }),
    publishMeetingCompleted: (meetingId) => publish({ type: "meeting_completed", meetingId, at: Date.now() }),
    publishCaseClosed: (caseId) => publish({ type: "case_closed", caseId, at: Date.now() }),
    onRevocation(listener) {
      emitter.on("revocation", listener);
      return () => emitter.off("revocation", listener);
    },
    ready: () => redis?.subscribed ?? Promise.resolve(),
    async close() {
      emitter.removeAllListeners();
      await redis?.close();
    },
  };
}

function connectRedis(url: string, channel: string, instanceId: string, deliver: (e: RevocationEvent) => void, log: RevocationLog) {
  // Fail fast while disconnected rather than queue: a revocation must not hang the person revoking.
  const pub = createClient({ url, name: `stepwise-revocation-pub-${instanceId}`, disableOfflineQueue: true });
  const sub = pub.duplicate({ name: `stepwise-revocation-sub-${instanceId}` });
  // Without an error listener node-redis throws the error as an uncaught exception.
  pub.on("error", (e: unknown) => log("redis publisher error", { error: String(e) }));
  sub.on("error", (e: unknown) => log("redis subscriber error", { error: String(e) }));
  const pubConnected = pub.connect().then(() => {});
  pubConnected.catch(() => {});
  const subscribed = sub
    .connect()
    .then(() =>
      sub.subscribe(channel, (message: string) => {
        const m = parseMessage(message);
        if (!m) return log("undecodable revocation message", { channel });
        if (m.from !== instanceId) deliver(m.event);
      }),
    )
    .then(() => {});
  subscribed.catch((e: unknown) => log("redis subscribe failed", { error: String(e) }));
  let closed = false;

  return {
    subscribed,
    async publish(event: RevocationEvent): Promise<void> {
      if (closed) return;
      const send = pubConnected.then(() => pub.publish(channel, JSON.stringify({ from: instanceId, event })));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), PUBLISH_TIMEOUT_MS);
      });
      try {
        await Promise.race([send, timeout]);
      } catch (e) {
        // Logged, not thrown: the change itself is committed, and every new connection re-checks it.
        log("redis publish failed; other instances keep these open sockets until their next re-check", {
          type: event.type,
          ...(event.type === "meeting_completed"
            ? { meetingId: event.meetingId }
            : event.type === "case_closed"
              ? { caseId: event.caseId }
              : { participantId: event.participantId }),
          error: String(e),
        });
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      closed = true;
      // A client still trying to connect (Redis down) would never settle: cut it instead.
      await Promise.allSettled(
        [pub, sub].map(async (c) => {
          if (c.isReady) await c.close();
          else if (c.isOpen) c.destroy();
        }),
      );
    },
  };
}

function parseMessage(raw: string): { from: string; event: RevocationEvent } | null {
  try {
    const m = JSON.parse(raw) as { from?: unknown; event?: Record<string, unknown> };
    const e = m.event;
    if (typeof m.from !== "string" || !e || typeof e.at !== "number") return null;
    if (e.type === "meeting_completed") {
      return typeof e.meetingId === "string" ? { from: m.from, event: { type: e.type, meetingId: e.meetingId, at: e.at } } : null;
    }
    if (e.type === "case_closed") {
      return typeof e.caseId === "string" ? { from: m.from, event: { type: e.type, caseId: e.caseId, at: e.at } } : null;
    }
    if (typeof e.participantId !== "string") return null;
    if (e.type === "participant_revoked") return { from: m.from, event: { type: e.type, participantId: e.participantId, at: e.at } };
    if (e.type === "session_ended") {
      const sessionId = typeof e.sessionId === "string" ? e.sessionId : null;
      return { from: m.from, event: { type: e.type, participantId: e.participantId, sessionId, at: e.at } };
    }
    return null;
  } catch {
    return null;
  }
}

// ---- The process-wide bus (one per process, shared by Next's bundle and the socket server) ----

const KEY = Symbol.for("stepwise.revocationBus");
type WithBus = typeof globalThis & { [KEY]?: RevocationBus };

/** The process's bus, created on first use from REDIS_URL and COLLAB_REDIS_PREFIX. */
export function revocationBus(): RevocationBus {
  const g = globalThis as WithBus;
  if (!g[KEY]) {
    const e = env();
    g[KEY] = createRevocationBus({ redisUrl: e.REDIS_URL ?? null, channel: `${e.COLLAB_REDIS_PREFIX}:revocations` });
  }
  return g[KEY];
}

/** A participant was removed from the case or their invitation revoked (after the change is committed). */
export function publishParticipantRevoked(participantId: string): Promise<void> {
  return revocationBus().publishParticipantRevoked(participantId);
}

/** A participant's session was signed out (after `revoked_at` is committed). */
export function publishSessionEnded(input: { participantId: string; sessionId?: string | null }): Promise<void> {
  return revocationBus().publishSessionEnded(input);
}

/** A meeting was completed or cancelled (after its status is committed): its room becomes read-only. */
export function publishMeetingCompleted(meetingId: string): Promise<void> {
  return revocationBus().publishMeetingCompleted(meetingId);
}

/** A case was closed (after its state is committed): all its rooms become read-only. */
export function publishCaseClosed(caseId: string): Promise<void> {
  return revocationBus().publishCaseClosed(caseId);
}

export function onRevocation(listener: RevocationListener): () => void {
  return revocationBus().onRevocation(listener);
}

/** Shutdown: close the process's bus (its Redis connections), if one was created. */
export async function closeRevocationBus(): Promise<void> {
  const g = globalThis as WithBus;
  const bus = g[KEY];
  delete g[KEY];
  await bus?.close();
}
