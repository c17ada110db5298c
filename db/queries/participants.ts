import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { participants } from "../schema";

/** The `participants` table: the people of a case (a staff member is linked by `userId`). */

export type ParticipantRow = typeof participants.$inferSelect;

export async function insertParticipant(db: Db, input: typeof participants.$inferInsert): Promise<ParticipantRow> {
  const [row] = await db.insert(participants).values(input).returning();
  return row!;
}

/** Active (not removed) participants of a case, in the order they were added. */
export async function listActiveParticipants(db: Db, caseId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(participants)
    .where(and(eq(participants.caseId, caseId), isNull(participants.removedAt)))
    .orderBy(asc(participants.createdAt), asc(participants.role));
}

export async function findParticipant(db: Db, participantId: string): Promise<ParticipantRow | null> {
  const [row] = await db.select().from(participants).where(eq(participants.id, participantId));
  return row ?? null;
}

/** These participants (removed ones included: the caller decides), for re-checking live sockets. */
export async function listParticipantsByIds(db: Db, ids: readonly string[]): Promise<ParticipantRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(participants)
    .where(inArray(participants.id, [...ids]));
}

/** The staff user's own (active) participant row on a case, if any. */
export async function findParticipantOfUserOnCase(db: Db, caseId: string, userId: string): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.caseId, caseId), eq(participants.userId, userId), isNull(participants.removedAt)))
    .orderBy(asc(participants.createdAt))
    .limit(1);
  return row ?? null;
}

export async function setParticipantRemoved(db: Db, participantId: string, at: Date): Promise<void> {
  await db
    .update(participants)
    .set({ removedAt: at })
    .where(and(eq(participants.id, participantId), isNull(participants.removedAt)));
}

/** Every participant of a case, removed ones too: an action's owner keeps their name. */
export async function listAllParticipantsOfCase(db: Db, caseId: string): Promise<ParticipantRow[]> {
  return db.select().from(participants).where(eq(participants.caseId, caseId)).orderBy(asc(participants.createdAt), asc(participants.role));
}

/** The active caseworker participants behind a staff user, one per case they work on. */
export async function listCaseworkerParticipantIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.userId, userId), isNull(participants.removedAt)));
  return rows.map((r) => r.id);
}

/** Link a participant to a staff account (the demo caseworker, or a caseworker added later). */
export async function linkParticipantToUser(db: Db, participantId: string, userId: string): Promise<void> {
  await db.update(participants).set({ userId }).where(eq(participants.id, participantId));
}

/**
 * The case's caseworker with a staff account (not removed), the earliest first: the participant
 * an organisation's system acts through on the case.
 */
export async function findStaffCaseworkerOfCase(db: Db, caseId: string): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.caseId, caseId),
        eq(participants.role, "caseworker"),
        isNotNull(participants.userId),
        isNull(participants.removedAt),
      ),
    )
    .orderBy(asc(participants.createdAt))
    .limit(1);
  return row ?? null;
}
