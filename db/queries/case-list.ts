import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { cases, participants, users } from "../schema";
import type { CaseRow } from "./cases";

/** The case list's query: one staff member's cases, or (team view) every case, searched, filtered, sorted and paged in SQL. */

export type CaseListSort = "created" | "name" | "reference" | "next_meeting" | "sick_leave";

export type CaseListFilter = {
  /** Only this organisation's cases (row-level security says the same; this does not rely on it). */
  organisationId: string;
  /** Their own cases (active participant), or every case with its caseworker (the team view). */
  scope: { mine: string } | "team";
  /** Matches the employee's name, the reference or the employer, anywhere, case-insensitively. */
  q: string | null;
  state: "open" | "closed" | null;
  /** With a meeting still to come, with none, or with one within `weekEnd` (exclusive). */
  next: "scheduled" | "none" | "week" | null;
  caseworkerId: string | null;
  /** Only these cases (an overdue-actions filter computed beforehand); null: no such limit. */
  onlyIds: readonly string[] | null;
  now: Date;
  weekEnd: Date;
};

export type CaseListRow = {
  case: CaseRow;
  myRole: (typeof participants.$inferSelect)["role"] | null;
  caseworkerName: string | null;
  nextMeetingAt: Date | null;
};

/** `%`, `_` and `\` typed by a person are searched for, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function nextMeetingAt(now: Date): SQL<Date | null> {
  // The earliest meeting still to come or under way: lib/time/pick-invitation-meeting.ts's isUpcoming, in SQL.
  return sql<Date | null>`(select min(m.starts_at) from meetings m where m.case_id = ${cases.id}
    and m.status not in ('cancelled', 'completed')
    and m.starts_at + m.duration_minutes * interval '1 minute' > ${now.toISOString()}::timestamptz)`;
}

function whereOf(f: CaseListFilter, next: SQL<Date | null>): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(cases.organisationId, f.organisationId)];
  if (f.scope !== "team") conds.push(eq(participants.userId, f.scope.mine), isNull(participants.removedAt));
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(or(ilike(cases.employeeName, p), ilike(cases.reference, p), ilike(cases.employer, p)));
  }
  if (f.state) conds.push(eq(cases.state, f.state));
  if (f.caseworkerId) conds.push(eq(cases.assignedCaseworkerId, f.caseworkerId));
  if (f.next === "scheduled") conds.push(sql`${next} is not null`);
  if (f.next === "none") conds.push(sql`${next} is null`);
  if (f.next === "week") conds.push(sql`${next} < ${f.weekEnd.toISOString()}::timestamptz`);
  if (f.onlyIds)
    conds.push(
      f.onlyIds.length
        ? sql`${cases.id} in (${sql.join(
            f.onlyIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  return and(...conds);
}

function orderOf(sort: CaseListSort, next: SQL<Date | null>): SQL[] {
  switch (sort) {
    case "name":
      return [asc(cases.employeeName), desc(cases.createdAt)];
    case "reference":
      return [sql`${cases.reference} asc nulls last`, desc(cases.createdAt)];
    case "next_meeting":
      return [sql`${next} asc nulls last`, desc(cases.createdAt)];
    case "sick_leave":
      return [sql`${cases.sickLeaveStart} asc nulls last`, desc(cases.createdAt)];
    case "created":
      return [desc(cases.createdAt)];
  }
}

/** One page of matching cases and how many match in all. */
export async function queryCaseList(
  db: Db,
  f: CaseListFilter,
  page: { sort: CaseListSort; limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  const next = nextMeetingAt(f.now);
  const where = whereOf(f, next);
  const caseworkerName = sql<string | null>`coalesce(${users.name}, ${users.email})`;
  const select = { case: cases, caseworkerName, nextMeetingAt: sql<string | null>`${next}` };
  const order = orderOf(page.sort, next);
  let rows: { case: CaseRow; caseworkerName: string | null; nextMeetingAt: string | null; myRole?: CaseListRow["myRole"] }[];
  let countRows: { n: number }[];
  if (f.scope === "team") {
    rows = await db
      .select(select)
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assignedCaseworkerId))
      .where(where)
      .orderBy(...order, asc(cases.id))
      .limit(page.limit)
      .offset(page.offset);
    countRows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(where);
  } else {
    rows = await db
      .select({ ...select, myRole: participants.role })
      .from(participants)
      .innerJoin(cases, eq(cases.id, participants.caseId))
      .leftJoin(users, eq(users.id, cases.assignedCaseworkerId))
      .where(where)
      .orderBy(...order, asc(cases.id))
      .limit(page.limit)
      .offset(page.offset);
    countRows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(participants)
      .innerJoin(cases, eq(cases.id, participants.caseId))
      .where(where);
  }
  return {
    rows: rows.map((r) => ({
      case: r.case,
      myRole: r.myRole ?? null,
      caseworkerName: r.caseworkerName,
      nextMeetingAt: r.nextMeetingAt ? new Date(r.nextMeetingAt) : null,
    })),
    total: countRows[0]?.n ?? 0,
  };
}

/** Every matching case's id (no paging): the candidates an overdue-actions filter looks at. */
export async function listCaseListIds(db: Db, f: CaseListFilter): Promise<string[]> {
  const where = whereOf(f, nextMeetingAt(f.now));
  const rows =
    f.scope === "team"
      ? await db.select({ id: cases.id }).from(cases).where(where)
      : await db.select({ id: cases.id }).from(participants).innerJoin(cases, eq(cases.id, participants.caseId)).where(where);
  return rows.map((r) => r.id);
}
