import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import { serverSecret } from "../secret";
import { isSessionRef, type SessionRef } from "../access/session-ref";

/**
 * A collaboration ticket: a short-lived, HMAC-signed statement "participant P, signed in with
 * session S, may open document D (read-only or not) until T". Stateless, so any instance sharing
 * AUTH_SECRET accepts it; the socket server still re-checks that P is an active participant and
 * that S is still live before serving anything, and closes the socket when S ends (issue 12.2).
 */
export type TicketClaims = { doc: string; participantId: string; session: SessionRef; readOnly: boolean; exp: number };

/** 2: bound to a session. Version 1 tickets (unbound) are refused: the client fetches a fresh one. */
const VERSION = 2;

function sign(payload: string): string {
  return createHmac("sha256", serverSecret()).update(`collab-ticket.${payload}`).digest("base64url");
}

export function issueTicket(claims: Omit<TicketClaims, "exp">, ttlSeconds: number, now = Date.now()): string {
  const body = {
    v: VERSION,
    d: claims.doc,
    p: claims.participantId,
    s: claims.session,
    r: claims.readOnly ? 1 : 0,
    e: Math.floor(now / 1000) + ttlSeconds,
    n: randomBytes(6).toString("base64url"),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** Verify a ticket for `doc`; throws UNAUTHENTICATED for anything forged, expired or for another document. */
export function verifyTicket(ticket: unknown, doc: string, now = Date.now()): TicketClaims {
  if (typeof ticket !== "string" || ticket.length > 1024) throw new AppError("UNAUTHENTICATED", "no ticket");
  const [payload, mac] = ticket.split(".");
  if (!payload || !mac) throw new AppError("UNAUTHENTICATED", "malformed ticket");
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError("UNAUTHENTICATED", "bad ticket signature");
  }
  let body: { v?: unknown; d?: unknown; p?: unknown; s?: unknown; r?: unknown; e?: unknown };
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new AppError("UNAUTHENTICATED", "malformed ticket");
  }
  if (
    body.v !== VERSION ||
    typeof body.d !== "string" ||
    typeof body.p !== "string" ||
    !isSessionRef(body.s) ||
    typeof body.e !== "number"
  ) {
    throw new AppError("UNAUTHENTICATED", "malformed ticket");
  }
  if (body.e * 1000 <= now) throw new AppError("UNAUTHENTICATED", "ticket expired");
  if (body.d !== doc) throw new AppError("UNAUTHENTICATED", "ticket is for another document");
  return { doc: body.d, participantId: body.p, session: body.s, readOnly: body.r === 1, exp: body.e };
}
