import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { progressEntries } from "../schema";

/** The `progress_entries` table: what the employee and the manager record between meetings. */

export type ProgressEntryRow = typeof progressEntries.$inferSelect;

export async function insertProgressEntry(db: Db, input: typeof progressEntries.$inferInsert): Promise<ProgressEntryRow> {
  const [row] = await db.insert(progressEntries).values(input).returning();
  return row!;
}

/** Every progress entry of a case, oldest day first (ties: in the order they were recorded). */
export async function listProgressOfCase(db: Db, caseId: string): Promise<ProgressEntryRow[]> {
  return db
    .select()
    .from(progressEntries)
    .where(eq(progressEntries.caseId, caseId))
    .orderBy(asc(progressEntries.measuredOn), asc(progressEntries.createdAt));
}

export async function findProgressEntry(db: Db, id: string): Promise<ProgressEntryRow | null> {
  const [row] = await db.select().from(progressEntries).where(eq(progressEntries.id, id));
  return row ?? null;
}

export async function deleteProgressEntry(db: Db, id: string): Promise<void> {
  await db.delete(progressEntries).where(eq(progressEntries.id, id));
}
