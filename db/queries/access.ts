import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { joinLinks, joinLinkUses, participantSessions, participants } from "../schema";

export type JoinLinkRow = typeof joinLinks.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

export async function insertJoinLink(db: Db, input: typeof joinLinks.$inferInsert): Promise<JoinLinkRow> {
  const [row] = await db.insert(joinLinks).values(input).returning();
  return row!;
}

export async function findJoinLinkByHash(
  db: Db,
  tokenHash: Uint8Array,
): Promise<{ link: JoinLinkRow; participant: ParticipantRow } | null> {
  const rows = await db
    .select({ link: joinLinks, participant: participants })
    .from(joinLinks)
    .innerJoin(participants, eq(participants.id, joinLinks.participantId))
    .where(eq(joinLinks.tokenHash, Buffer.from(tokenHash)));
  return rows[0] ?? null;
}

/** Record one use of a join link and open a session for its participant, together. */
export async function recordJoinLinkUseAndOpenSession(
  db: Db,
  input: {
    linkId: string;
    participantId: string;
    sessionTokenHash: Uint8Array;
    sessionExpiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(joinLinks)
      .set({
        useCount: sql`${joinLinks.useCount} + 1`,
        firstUsedAt: sql`coalesce(${joinLinks.firstUsedAt}, now())`,
      })
      .where(eq(joinLinks.id, input.linkId));
    await tx.insert(joinLinkUses).values({ joinLinkId: input.linkId, ip: input.ip, userAgent: input.userAgent });
    await tx.insert(participantSessions).values({
      tokenHash: input.sessionTokenHash,
      participantId: input.participantId,
      joinLinkId: input.linkId,
      expiresAt: input.sessionExpiresAt,
    });
  });
}

/** Open a session directly (test fixtures and the bench: a participant already signed in). */
export async function insertParticipantSession(db: Db, input: typeof participantSessions.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(participantSessions).values(input).returning({ id: participantSessions.id });
  return row!;
}

/** The participant behind a live session (not expired, not revoked, participant not removed), and the session's id. */
export async function findParticipantBySessionHash(db: Db, tokenHash: Uint8Array): Promise<(ParticipantRow & { sessionId: string }) | null> {
  const rows = await db
    .select({ participant: participants, sessionId: participantSessions.id })
    .from(participantSessions)
    .innerJoin(participants, eq(participants.id, participantSessions.participantId))
    .where(
      and(
        eq(participantSessions.tokenHash, Buffer.from(tokenHash)),
        isNull(participantSessions.revokedAt),
        gt(participantSessions.expiresAt, new Date()),
        isNull(participants.removedAt),
      ),
    );
  const r = rows[0];
  return r ? { ...r.participant, sessionId: r.sessionId } : null;
}

/** The meeting a live participant session was opened for (through its join link), or null. */
export async function findMeetingOfLiveSession(db: Db, tokenHash: Uint8Array): Promise<string | null> {
  const rows = await db
    .select({ meetingId: joinLinks.meetingId })
    .from(participantSessions)
    .innerJoin(joinLinks, eq(joinLinks.id, participantSessions.joinLinkId))
    .where(and(eq(participantSessions.tokenHash, Buffer.from(tokenHash)), isNull(participantSessions.revokedAt), gt(participantSessions.expiresAt, new Date())));
  return rows[0]?.meetingId ?? null;
}

/**
 * Every live join link (not withdrawn, not expired at `now`) of a case's participants that ends
 * before `until` now ends at `until`. Returns how many changed.
 */
export async function extendLiveJoinLinksOfCase(db: Db, input: { caseId: string; until: Date; now: Date }): Promise<number> {
  const ofCase = db.select({ id: participants.id }).from(participants).where(eq(participants.caseId, input.caseId));
  const rows = await db
    .update(joinLinks)
    .set({ expiresAt: input.until })
    .where(and(inArray(joinLinks.participantId, ofCase), isNull(joinLinks.revokedAt), gt(joinLinks.expiresAt, input.now), lt(joinLinks.expiresAt, input.until)))
    .returning({ id: joinLinks.id });
  return rows.length;
}
