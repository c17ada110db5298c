import { and, desc, eq, gte, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { accessLog } from "../schema";

export type AccessLogRow = typeof accessLog.$inferSelect;

/** Append one row. The table is append-only (a trigger refuses UPDATE and DELETE). */
export async function insertAccessLogRow(db: Db, input: typeof accessLog.$inferInsert): Promise<AccessLogRow> {
  const [row] = await db.insert(accessLog).values(input).returning();
  return row!;
}

/** A case's rows, newest first; optionally leaving out one actor's own rows. */
export async function listAccessLogForCase(
  db: Db,
  input: { caseId: string; limit: number; excludeActor?: { kind: string; id: string } },
): Promise<AccessLogRow[]> {
  const where: (SQL | undefined)[] = [eq(accessLog.caseId, input.caseId)];
  if (input.excludeActor) {
    where.push(or(ne(accessLog.actorKind, input.excludeActor.kind), ne(accessLog.actorId, input.excludeActor.id)));
  }
  return db
    .select()
    .from(accessLog)
    .where(and(...where))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(input.limit);
}

/**
 * The time of the newest row for this viewer, case, kind and resource at or after `since`, or
 * null: lets a poll or a list be recorded once per window instead of once per request.
 */
export async function findRecentAccessRow(
  db: Db,
  input: { caseId: string; actorKind: string; actorId: string; what: string; resourceId: string | null; since: Date },
): Promise<Date | null> {
  const rows = await db
    .select({ at: accessLog.at })
    .from(accessLog)
    .where(
      and(
        eq(accessLog.caseId, input.caseId),
        eq(accessLog.actorKind, input.actorKind),
        eq(accessLog.actorId, input.actorId),
        eq(accessLog.what, input.what),
        input.resourceId === null ? isNull(accessLog.resourceId) : eq(accessLog.resourceId, input.resourceId),
        gte(accessLog.at, input.since),
      ),
    )
    .orderBy(desc(accessLog.at))
    .limit(1);
  return rows[0]?.at ?? null;
}
