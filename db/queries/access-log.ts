import { and, count, desc, eq, gte, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../raw-rows";
import { accessLog, accessLogRepeats } from "../schema";

export type AccessLogRow = typeof accessLog.$inferSelect;
/** A row with its merged repeats: `count` showings in all (1 when never repeated), the newest at `lastAt`. */
export type AccessLogRowWithRepeats = AccessLogRow & { count: number; lastAt: Date };

/** Append one row. The table is append-only (a trigger refuses UPDATE and DELETE). */
export async function insertAccessLogRow(db: Db, input: typeof accessLog.$inferInsert): Promise<AccessLogRow> {
  const [row] = await db.insert(accessLog).values(input).returning();
  return row!;
}

/**
 * Record a showing that repeats often (a document opened over a socket, the room page rendered):
 * when the same actor was shown the same thing of the same case for the same purpose in a row that
 * began at or after `since`, count it there (access_log_repeats); otherwise append a new row.
 * Concurrent calls for the same key take turns (a transaction-scoped advisory lock), so a burst
 * makes one row, not one per racing transaction.
 */
export async function recordRepeatableAccess(
  db: Db,
  input: typeof accessLog.$inferInsert & { resourceId: string | null },
  since: Date,
): Promise<"new" | "merged"> {
  return db.transaction(async (tx) => {
    const key = [input.caseId, input.actorKind, input.actorId, input.what, input.resourceId ?? "", input.purpose].join("|");
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [previous] = await tx
      .select({ id: accessLog.id })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.caseId, input.caseId),
          eq(accessLog.actorKind, input.actorKind),
          eq(accessLog.actorId, input.actorId),
          eq(accessLog.what, input.what),
          input.resourceId === null ? isNull(accessLog.resourceId) : eq(accessLog.resourceId, input.resourceId),
          eq(accessLog.purpose, input.purpose),
          gte(accessLog.at, since),
        ),
      )
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(1);
    if (!previous) {
      await tx.insert(accessLog).values(input);
      return "new";
    }
    await tx
      .insert(accessLogRepeats)
      .values({ accessLogId: previous.id, count: 2, lastAt: sql`now()` })
      .onConflictDoUpdate({
        target: accessLogRepeats.accessLogId,
        set: { count: sql`${accessLogRepeats.count} + 1`, lastAt: sql`greatest(${accessLogRepeats.lastAt}, excluded.last_at)` },
      });
    return "merged";
  });
}

export type AccessLogQuery = {
  caseId: string;
  /** Leave out one actor's own rows. */
  excludeActor?: { kind: string; id: string };
  /** Only these kinds of showing (`what`); all when absent. */
  what?: readonly string[];
};

function whereOf(q: AccessLogQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(accessLog.caseId, q.caseId)];
  if (q.excludeActor) where.push(or(ne(accessLog.actorKind, q.excludeActor.kind), ne(accessLog.actorId, q.excludeActor.id)));
  if (q.what) where.push(q.what.length > 0 ? inArray(accessLog.what, [...q.what]) : sql`false`);
  return and(...where);
}

/** A case's rows, newest first, with their merged repeats; a page of them (`limit` from `offset`). */
export async function listAccessLogForCase(
  db: Db,
  q: AccessLogQuery & { limit: number; offset?: number },
): Promise<AccessLogRowWithRepeats[]> {
  const rows = await db
    .select({ row: accessLog, count: accessLogRepeats.count, lastAt: accessLogRepeats.lastAt })
    .from(accessLog)
    .leftJoin(accessLogRepeats, eq(accessLogRepeats.accessLogId, accessLog.id))
    .where(whereOf(q))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({ ...r.row, count: r.count ?? 1, lastAt: r.lastAt ?? r.row.at }));
}

/** How many rows the same query has in all (for "page 2 of 7"). */
export async function countAccessLogForCase(db: Db, q: AccessLogQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accessLog).where(whereOf(q));
  return row?.n ?? 0;
}

/** The access log's retention (stepwise_purge_access_log): rows last shown before `before`. */
export async function purgeAccessLogBefore(db: Db, before: Date): Promise<number> {
  const [row] = rowsOf<{ purged: number }>(
    await db.execute(sql`select stepwise_purge_access_log(${before.toISOString()}::timestamptz) as purged`),
  );
  return Number(row?.purged ?? 0);
}

/**
 * When this participant's browser last opened the meeting's shared document over the socket, as
 * the collaboration server recorded it (`meeting_doc` rows of the access log: written by the
 * server after it authenticated the socket, never by a browser). Repeated opens count up on the
 * first row of their window (access_log_repeats), so the latest opening of a row is its repeat's
 * `last_at` when it has one. Only openings at or after `since` count; null when there is none.
 */
export async function findLatestRoomOpening(
  db: Db,
  input: { caseId: string; meetingId: string; participantId: string; since: Date | null },
): Promise<Date | null> {
  const latest = sql<Date>`greatest(${accessLog.at}, coalesce(${accessLogRepeats.lastAt}, ${accessLog.at}))`.mapWith(accessLog.at);
  const rows = await db
    .select({ at: latest })
    .from(accessLog)
    .leftJoin(accessLogRepeats, eq(accessLogRepeats.accessLogId, accessLog.id))
    .where(
      and(
        eq(accessLog.caseId, input.caseId),
        eq(accessLog.what, "meeting_doc"),
        eq(accessLog.resourceId, input.meetingId),
        eq(accessLog.actorKind, "participant"),
        eq(accessLog.actorId, input.participantId),
        input.since ? sql`${latest} >= ${input.since.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(desc(latest))
    .limit(1);
  return rows[0]?.at ?? null;
}
