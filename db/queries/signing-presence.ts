import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../client";
import { accessLog } from "../schema";

/**
 * When this participant's browser last opened the meeting's shared document over the socket, as
 * the collaboration server recorded it (`meeting_doc` rows of the access log: written by the
 * server after it authenticated the socket, never by a browser). Only openings at or after
 * `since` count; null when there is none.
 */
export async function findLatestRoomOpening(
  db: Db,
  input: { caseId: string; meetingId: string; participantId: string; since: Date | null },
): Promise<Date | null> {
  const rows = await db
    .select({ at: accessLog.at })
    .from(accessLog)
    .where(
      and(
        eq(accessLog.caseId, input.caseId),
        eq(accessLog.what, "meeting_doc"),
        eq(accessLog.resourceId, input.meetingId),
        eq(accessLog.actorKind, "participant"),
        eq(accessLog.actorId, input.participantId),
        input.since ? gte(accessLog.at, input.since) : undefined,
      ),
    )
    .orderBy(desc(accessLog.at))
    .limit(1);
  return rows[0]?.at ?? null;
}
