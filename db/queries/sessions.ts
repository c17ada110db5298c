import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { authSessions, cases, joinLinks, participantSessions, participants, staffSessionAuth, users } from "../schema";

/**
 * Every session look-up, both kinds: a participant's (`participant_sessions`, opened by a join
 * link; the cookie's SHA-256 is stored) and a staff member's (Auth.js's `auth_sessions`, with how
 * and when it was opened in `staff_session_auth`; a SHA-256 of the cookie is stored). "Live" means
 * not expired at `now`, not revoked, and its person still there (participant not removed, user
 * still staff: a staff role, an organisation, not deactivated).
 */

type ParticipantRow = typeof participants.$inferSelect;
type StaffRoleValue = NonNullable<(typeof users.$inferSelect)["staffRole"]>;

/** The participant behind a live session, the session's id, and when it was opened. */
export async function findLiveParticipantSession(
  db: Db,
  tokenHash: Uint8Array,
  now: Date,
): Promise<{ participant: ParticipantRow; sessionId: string; openedAt: Date; organisationId: string } | null> {
  const rows = await db
    .select({
      participant: participants,
      sessionId: participantSessions.id,
      openedAt: participantSessions.createdAt,
      organisationId: cases.organisationId,
    })
    .from(participantSessions)
    .innerJoin(participants, eq(participants.id, participantSessions.participantId))
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(
      and(
        eq(participantSessions.tokenHash, Buffer.from(tokenHash)),
        isNull(participantSessions.revokedAt),
        gt(participantSessions.expiresAt, now),
        isNull(participants.removedAt),
      ),
    );
  return rows[0] ?? null;
}

/**
 * A live staff session by its stored token: the user (with a staff role), and how and when it was
 * opened (`method` and `openedAt` are null for a session opened before that was recorded).
 */
export async function findLiveStaffSession(
  db: Db,
  storedToken: string,
  now: Date,
): Promise<{
  userId: string;
  email: string | null;
  name: string | null;
  staffRole: StaffRoleValue;
  organisationId: string;
  method: string | null;
  openedAt: Date | null;
} | null> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      staffRole: users.staffRole,
      organisationId: users.organisationId,
      method: staffSessionAuth.method,
      openedAt: staffSessionAuth.createdAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(staffSessionAuth, eq(staffSessionAuth.sessionToken, authSessions.sessionToken))
    .where(and(eq(authSessions.sessionToken, storedToken), gt(authSessions.expires, now), isNull(users.deactivatedAt)));
  const r = rows[0];
  return r && r.staffRole && r.organisationId ? { ...r, staffRole: r.staffRole, organisationId: r.organisationId } : null;
}

/** Open a session directly (test fixtures and the bench: a participant already signed in). */
export async function insertParticipantSession(db: Db, input: typeof participantSessions.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(participantSessions).values(input).returning({ id: participantSessions.id });
  return row!;
}

/** The meeting a live participant session was opened for (through its join link), or null. */
export async function findMeetingOfLiveSession(db: Db, tokenHash: Uint8Array): Promise<string | null> {
  const rows = await db
    .select({ meetingId: joinLinks.meetingId })
    .from(participantSessions)
    .innerJoin(joinLinks, eq(joinLinks.id, participantSessions.joinLinkId))
    .where(
      and(
        eq(participantSessions.tokenHash, Buffer.from(tokenHash)),
        isNull(participantSessions.revokedAt),
        gt(participantSessions.expiresAt, new Date()),
      ),
    );
  return rows[0]?.meetingId ?? null;
}

/** Mark a live session revoked; returns it, or null when no live session has this hash. */
export async function revokeSessionByHash(db: Db, tokenHash: Uint8Array): Promise<{ id: string; participantId: string } | null> {
  const [row] = await db
    .update(participantSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(participantSessions.tokenHash, Buffer.from(tokenHash)), isNull(participantSessions.revokedAt)))
    .returning({ id: participantSessions.id, participantId: participantSessions.participantId });
  return row ?? null;
}

/** Of these participant sessions, the live ones (not revoked, not expired) and whose they are. */
export async function findLiveParticipantSessions(
  db: Db,
  ids: readonly string[],
  now: Date,
): Promise<{ id: string; participantId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: participantSessions.id, participantId: participantSessions.participantId })
    .from(participantSessions)
    .where(and(inArray(participantSessions.id, [...ids]), isNull(participantSessions.revokedAt), gt(participantSessions.expiresAt, now)));
}

/** End every open session of a participant (they were removed from the case). */
export async function revokeSessionsOfParticipant(db: Db, participantId: string, at: Date): Promise<void> {
  await db
    .update(participantSessions)
    .set({ revokedAt: at })
    .where(and(eq(participantSessions.participantId, participantId), isNull(participantSessions.revokedAt)));
}

/** Count live (not revoked) sessions of a participant; for tests and the overview. */
export async function countLiveSessions(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participantSessions)
    .where(and(eq(participantSessions.participantId, participantId), isNull(participantSessions.revokedAt)));
  return row?.n ?? 0;
}

/** The stored session rows of a user with how each was opened. */
export async function listSessionsOfUser(db: Db, userId: string): Promise<{ storedToken: string; expires: Date; method: string | null }[]> {
  return db
    .select({ storedToken: authSessions.sessionToken, expires: authSessions.expires, method: staffSessionAuth.method })
    .from(authSessions)
    .leftJoin(staffSessionAuth, eq(staffSessionAuth.sessionToken, authSessions.sessionToken))
    .where(eq(authSessions.userId, userId));
}

/**
 * Of these staff sessions (by stored token), the live ones (not expired, user still staff) and
 * whose they are. Signing out deletes the row, so a signed-out session is simply not found.
 */
export async function findLiveStaffSessions(
  db: Db,
  storedTokens: readonly string[],
  now: Date,
): Promise<{ storedToken: string; userId: string }[]> {
  if (storedTokens.length === 0) return [];
  return db
    .select({ storedToken: authSessions.sessionToken, userId: authSessions.userId })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        inArray(authSessions.sessionToken, [...storedTokens]),
        gt(authSessions.expires, now),
        isNotNull(users.staffRole),
        isNull(users.deactivatedAt),
      ),
    );
}

/** A participant's sessions, oldest first: when each was opened, until when, and whether it ended (their own export; never the token's hash). */
export async function listSessionsOfParticipant(
  db: Db,
  participantId: string,
): Promise<{ createdAt: Date; expiresAt: Date; revokedAt: Date | null }[]> {
  return db
    .select({
      createdAt: participantSessions.createdAt,
      expiresAt: participantSessions.expiresAt,
      revokedAt: participantSessions.revokedAt,
    })
    .from(participantSessions)
    .where(eq(participantSessions.participantId, participantId))
    .orderBy(asc(participantSessions.createdAt));
}

/** End the live sessions opened with any of these join links (their links were withdrawn). */
export async function revokeSessionsOfLinks(db: Db, joinLinkIds: string[], at: Date): Promise<void> {
  if (joinLinkIds.length === 0) return;
  await db
    .update(participantSessions)
    .set({ revokedAt: at })
    .where(and(inArray(participantSessions.joinLinkId, joinLinkIds), isNull(participantSessions.revokedAt)));
}

/** Housekeeping: participant sessions that expired or were revoked before `before`, removed; how many. */
export async function deleteParticipantSessionsEndedBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(participantSessions)
    .where(
      or(
        lt(participantSessions.expiresAt, before),
        and(isNotNull(participantSessions.revokedAt), lt(participantSessions.revokedAt, before)),
      ),
    )
    .returning({ id: participantSessions.id });
  return rows.length;
}

/** Housekeeping: staff sessions that expired before `before`, removed; how many. */
export async function deleteStaffSessionsExpiredBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(authSessions).where(lt(authSessions.expires, before)).returning({ id: authSessions.userId });
  return rows.length;
}

/** End every session of a user at once (deactivation): the rows go, and with them the cookies' worth. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ t: authSessions.sessionToken });
  return rows.length;
}
