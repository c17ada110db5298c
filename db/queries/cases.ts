import { and, desc, eq, exists, ilike, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { cases, participants } from "../schema";
import type { ParticipantRow } from "./participants";

/** The `cases` table. */

export type CaseRow = typeof cases.$inferSelect;

export async function insertCase(db: Db, input: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(input).returning();
  return row!;
}

export async function countCases(db: Db): Promise<number> {
  const rows = await db.select({ id: cases.id }).from(cases).limit(1);
  return rows.length;
}

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

/** Cases on which the staff user is an active participant, newest first. */
export async function listCasesOfUser(db: Db, userId: string): Promise<{ case: CaseRow; role: ParticipantRow["role"] }[]> {
  return db
    .select({ case: cases, role: participants.role })
    .from(participants)
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(and(eq(participants.userId, userId), isNull(participants.removedAt)))
    .orderBy(desc(cases.createdAt));
}

/**
 * One page of cases for the API, newest first: the organisation's (or, with `participantUserId`,
 * only those the staff user is on), matching `q` in the employee's name or the employer. One row
 * more than `limit` is read, so the caller knows whether a next page exists.
 */
export async function searchCasesPage(
  db: Db,
  input: { organisationId: string; participantUserId?: string; q?: string; limit: number; offset: number },
): Promise<CaseRow[]> {
  const where: (SQL | undefined)[] = [eq(cases.organisationId, input.organisationId)];
  if (input.participantUserId) {
    where.push(
      exists(
        db
          .select({ one: participants.id })
          .from(participants)
          .where(and(eq(participants.caseId, cases.id), eq(participants.userId, input.participantUserId), isNull(participants.removedAt))),
      ),
    );
  }
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(cases.employeeName, like), ilike(cases.employer, like)));
  }
  return db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(input.limit + 1)
    .offset(input.offset);
}
