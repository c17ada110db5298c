import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accessLog, accessLogRepeats } from "../schema";

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
