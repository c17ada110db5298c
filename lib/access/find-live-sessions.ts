import { getDb } from "@/db/client";
import { listParticipantsByIds } from "@/db/queries/participants";
import { findLiveParticipantSessions, findLiveStaffSessions } from "@/db/queries/sessions";
import { parseSessionRef, type SessionRef } from "./session-ref";

/** "Participant P is signed in with session S": what a collaboration ticket claims. */
export type SessionClaim = { session: SessionRef; participantId: string };

export const sessionClaimKey = (c: SessionClaim): string => `${c.session} ${c.participantId}`;

/**
 * Which of these claims still hold: the session is live (not signed out, revoked or expired) and
 * belongs to that participant — a join-link session to the participant it was opened for, a staff
 * session to the staff user behind the (caseworker) participant. Returns the keys
 * (`sessionClaimKey`) of those that hold. Three queries at most, however many claims: the socket
 * server re-checks all its live sockets with one call. Whether the participant was removed is the
 * caller's question (it also needs their role and case).
 */
export async function findLiveSessions(claims: readonly SessionClaim[], now = new Date()): Promise<Set<string>> {
  const live = new Set<string>();
  if (claims.length === 0) return live;
  const parsed = claims.map((c) => ({ claim: c, ref: parseSessionRef(c.session) }));
  const participantIds = new Set<string>();
  const staffTokens = new Set<string>();
  const staffParticipants = new Set<string>();
  for (const { claim, ref } of parsed) {
    if (ref?.kind === "participant") participantIds.add(ref.id);
    if (ref?.kind === "staff") {
      staffTokens.add(ref.id);
      staffParticipants.add(claim.participantId);
    }
  }
  const db = await getDb();
  const [sessions, staff, people] = await Promise.all([
    findLiveParticipantSessions(db, [...participantIds], now),
    findLiveStaffSessions(db, [...staffTokens], now),
    listParticipantsByIds(db, [...staffParticipants]),
  ]);
  const sessionOwner = new Map(sessions.map((s) => [s.id, s.participantId]));
  const staffUser = new Map(staff.map((s) => [s.storedToken, s.userId]));
  const userOf = new Map(people.map((p) => [p.id, p.userId]));
  for (const { claim, ref } of parsed) {
    if (!ref) continue;
    const ok =
      ref.kind === "participant"
        ? sessionOwner.get(ref.id) === claim.participantId
        : staffUser.has(ref.id) && staffUser.get(ref.id) === userOf.get(claim.participantId);
    if (ok) live.add(sessionClaimKey(claim));
  }
  return live;
}

/** One claim: does it hold? */
export async function isSessionLive(claim: SessionClaim, now = new Date()): Promise<boolean> {
  return (await findLiveSessions([claim], now)).has(sessionClaimKey(claim));
}
