import { and, desc, eq, gt, gte } from "drizzle-orm";
import type { Db } from "../client";
import { eidAttempts, participantEid } from "../schema";

/** The eID sign-ins of participants: attempts under way (`eid_attempts`) and confirmations (`participant_eid`). */

export type EidAttemptRow = typeof eidAttempts.$inferSelect;
export type ParticipantEidRow = typeof participantEid.$inferSelect;

export async function insertEidAttempt(db: Db, row: typeof eidAttempts.$inferInsert): Promise<void> {
  await db.insert(eidAttempts).values(row);
}

/** The attempt with this state, removed as it is read: a callback is answered once. Expired ones are not returned. */
export async function takeEidAttempt(db: Db, stateHash: string, now: Date): Promise<EidAttemptRow | null> {
  const [row] = await db.delete(eidAttempts).where(eq(eidAttempts.stateHash, stateHash)).returning();
  return row && row.expiresAt > now ? row : null;
}

export async function insertParticipantEid(db: Db, row: typeof participantEid.$inferInsert): Promise<void> {
  await db.insert(participantEid).values(row);
}

/** The newest eID confirmation of a participant session at or after `since`, or null. */
export async function latestParticipantEid(db: Db, sessionId: string, since: Date): Promise<ParticipantEidRow | null> {
  const [row] = await db
    .select()
    .from(participantEid)
    .where(and(eq(participantEid.sessionId, sessionId), gte(participantEid.assertedAt, since)))
    .orderBy(desc(participantEid.assertedAt))
    .limit(1);
  return row ?? null;
}

/** Attempts of one session still under way: a session may have only a few at once. */
export async function countLiveEidAttempts(db: Db, sessionId: string, now: Date): Promise<number> {
  const rows = await db
    .select({ s: eidAttempts.stateHash })
    .from(eidAttempts)
    .where(and(eq(eidAttempts.sessionId, sessionId), gt(eidAttempts.expiresAt, now)));
  return rows.length;
}
