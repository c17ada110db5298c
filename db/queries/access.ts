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
