import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { cases, meetings, participants } from "../schema";

export type CaseRow = typeof cases.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

/** A case and its first participant, the caseworker who opened it, in one transaction. */
export async function insertCaseWithCaseworker(
  db: Db,
  input: { case: typeof cases.$inferInsert; caseworker: { displayName: string; email: string | null; userId: string } },
): Promise<{ case: CaseRow; caseworker: ParticipantRow }> {
  return db.transaction(async (tx) => {
    const [c] = await tx.insert(cases).values(input.case).returning();
    const [p] = await tx
      .insert(participants)
      .values({ caseId: c!.id, role: "caseworker", ...input.caseworker, colorIndex: 0 })
      .returning();
    return { case: c!, caseworker: p! };
  });
}

export async function findCase(db: Db, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row ?? null;
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

/** Cases on which the staff user is an active participant, newest first. */
export async function listCasesOfUser(db: Db, userId: string): Promise<{ case: CaseRow; role: ParticipantRow["role"] }[]> {
  return db
    .select({ case: cases, role: participants.role })
    .from(participants)
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(and(eq(participants.userId, userId), isNull(participants.removedAt)))
    .orderBy(desc(cases.createdAt));
}

export async function listMeetingsOfCases(db: Db, caseIds: string[]): Promise<MeetingRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(meetings).where(inArray(meetings.caseId, caseIds)).orderBy(asc(meetings.startsAt));
}

export async function setParticipantRemoved(db: Db, participantId: string, at: Date): Promise<void> {
  await db
    .update(participants)
    .set({ removedAt: at })
    .where(and(eq(participants.id, participantId), isNull(participants.removedAt)));
}
