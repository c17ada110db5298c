import { isAppError } from "@/lib/errors";

/**
 * WebSocket close codes used by the collaboration server. The stock y-websocket client stops
 * reconnecting on 4400–4499 (a decision reconnecting cannot change) and retries on the rest.
 */
export const CloseCode = {
  /** Text frame: we speak binary y-protocols only. */
  unsupportedData: 1003,
  /** Undecodable frame, unknown message type, an update Yjs rejects or that overran its decode budget. */
  invalidData: 1007,
  /** Policy: too much sent before authorisation finished, or a rate limit exceeded for too long. */
  policyViolation: 1008,
  /** A frame over the frame size cap (sent by ws itself), or an update past the document size cap. */
  messageTooBig: 1009,
  /** Database failure or a diverged room: reconnecting reloads from the database. */
  internalError: 1011,
  /** The server is shutting down; the client reconnects to the next instance. */
  serviceRestart: 1012,
  /** A reader too slow to keep up; it reconnects and resyncs from the state vector. */
  tryAgainLater: 1013,
  /**
   * The server is busy (its commit queue is full, or the database is away): a new join is refused
   * before the rooms already open suffer, and a writer held back too long is asked to come back.
   * Outside 4400–4499, so every client retries (ours after its jittered wait, saying that its
   * edits are kept and will be sent); nothing it holds is lost.
   */
  busy: 4503,
  /** No, bad or expired ticket, or the session it was fetched with has ended: fetch a fresh ticket. */
  unauthenticated: 4401,
  /** Not this participant's (any more), or Origin refused: the client stops. */
  forbidden: 4403,
  /**
   * The meeting was completed: the room is read-only from now on. Our client reconnects at once
   * with a fresh (read-only) ticket and says so; a stock client stops (44xx), and a reload shows
   * the read-only room.
   */
  meetingCompleted: 4409,
  /**
   * An update that does not fit the document's schema (lib/collab/doc-schema.ts), or that made
   * Yjs throw: nothing of it was applied, stored or sent. A 44xx code, so a client that keeps
   * re-sending it stops after a few tries instead of looping.
   */
  refusedUpdate: 4422,
} as const;

/** Map an error from authorisation or loading to the close code the client sees. */
export function closeCodeForError(e: unknown): number {
  if (!isAppError(e)) return CloseCode.internalError;
  switch (e.code) {
    case "UNAUTHENTICATED":
      return CloseCode.unauthenticated;
    case "FORBIDDEN":
    case "NOT_FOUND":
      return CloseCode.forbidden;
    default:
      return CloseCode.internalError;
  }
}
