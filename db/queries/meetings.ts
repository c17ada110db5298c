import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { cases, meetings } from "../schema";
import type { CaseRow } from "./cases";

/** The `meetings` table. */

export type MeetingRow = typeof meetings.$inferSelect;

export async function insertMeeting(db: Db, input: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(input).returning();
  return row!;
}

export async function findMeetingWithCase(db: Db, meetingId: string): Promise<{ meeting: MeetingRow; case: CaseRow } | null> {
  const rows = await db
    .select({ meeting: meetings, case: cases })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(eq(meetings.id, meetingId));
  return rows[0] ?? null;
}

/** The status of these meetings, for re-checking live sockets. */
export async function listMeetingStatuses(db: Db, ids: readonly string[]): Promise<{ id: string; status: MeetingRow["status"] }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: meetings.id, status: meetings.status })
    .from(meetings)
    .where(inArray(meetings.id, [...ids]));
}

/** Set a meeting's status to completed; returns true when this call changed it. */
export async function markMeetingCompleted(db: Db, meetingId: string): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({ status: "completed" })
    .where(and(eq(meetings.id, meetingId), ne(meetings.status, "completed")))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

/**
 * A meeting to come gets a new time or place; its calendar SEQUENCE goes up. Null when it is
 * completed or cancelled (nothing changed).
 */
export async function rescheduleMeetingRow(
  db: Db,
  meetingId: string,
  to: { startsAt: Date; durationMinutes: number; location: string | null; videoUrl: string | null },
): Promise<MeetingRow | null> {
  const [row] = await db
    .update(meetings)
    .set({ ...to, sequence: sql`${meetings.sequence} + 1` })
    .where(and(eq(meetings.id, meetingId), notInArray(meetings.status, ["completed", "cancelled"])))
    .returning();
  return row ?? null;
}

/** A meeting to come is cancelled (SEQUENCE up, the time recorded). Null when it was completed or cancelled already. */
export async function cancelMeetingRow(db: Db, meetingId: string, at: Date): Promise<MeetingRow | null> {
  const [row] = await db
    .update(meetings)
    .set({ status: "cancelled", cancelledAt: at, sequence: sql`${meetings.sequence} + 1` })
    .where(and(eq(meetings.id, meetingId), notInArray(meetings.status, ["completed", "cancelled"])))
    .returning();
  return row ?? null;
}

/** Set a meeting's status as it is (test fixtures: a cancelled meeting has no use-case yet). */
export async function setMeetingStatus(db: Db, meetingId: string, status: MeetingRow["status"]): Promise<void> {
  await db.update(meetings).set({ status }).where(eq(meetings.id, meetingId));
}

export async function listMeetingsOfCases(db: Db, caseIds: string[]): Promise<MeetingRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(meetings).where(inArray(meetings.caseId, caseIds)).orderBy(asc(meetings.startsAt));
}
