import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../raw-rows";
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

/** The state (open or closed) of these cases, for re-checking live sockets. */
export async function listCaseStates(db: Db, ids: readonly string[]): Promise<{ id: string; state: CaseRow["state"] }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: cases.id, state: cases.state })
    .from(cases)
    .where(inArray(cases.id, [...ids]));
}

/**
 * Closed cases whose retention has run out on `today` (YYYY-MM-DD): closed more than their
 * organisation's closed_case_retention_days ago (or `defaultDays` where it sets none). Oldest
 * first, at most `limit` per run so one run stays short.
 */
export async function listCasesPastRetention(db: Db, input: { today: string; defaultDays: number; limit: number }): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(
      sql`select c.id from cases c join organisations o on o.id = c.organisation_id
          where c.state = 'closed' and c.closed_on is not null
            and c.closed_on < ${input.today}::date - coalesce(o.closed_case_retention_days, ${input.defaultDays}::int)
          order by c.closed_on, c.id limit ${input.limit}`,
    ),
  );
  return rows.map((r) => r.id);
}
