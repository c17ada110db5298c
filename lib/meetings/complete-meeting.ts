import { getDb } from "@/db/client";
import { markMeetingCompleted } from "@/db/queries/meetings";
import type { Actors } from "../access/actor";
import { resolveAccess } from "../access/resolve-access";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import { publishMeetingCompleted } from "../access/revocation-bus";
import { assertCaseOpen } from "../access/assert-case-open";

/**
 * The caseworker marks the meeting as held and over (`meeting: manage`). From then on its room
 * is read-only for everyone: the socket server admits new sockets read-only, and the revocation
 * bus tells every instance to make the room's open sockets read-only at once (their periodic
 * re-check catches a lost message). What was written stays; agreements are made from it as
 * before. A cancelled meeting cannot be completed (409); completing twice is harmless.
 */
export async function completeMeeting(input: { who: Actors; meetingId: string }): Promise<{ meetingId: string; changed: boolean }> {
  const { me, meeting } = await resolveAccess(input.who, { meetingId: input.meetingId });
  assertCan(me.role, "manage", "meeting");
  await assertCaseOpen(me.caseId);
  if (meeting.status === "cancelled") throw new AppError("CONFLICT", "a cancelled meeting cannot be completed", { meeting: "cancelled" });
  const changed = await markMeetingCompleted(await getDb(), meeting.id);
  // Also when it was completed already: a repeated click re-announces it, which costs nothing.
  await publishMeetingCompleted(meeting.id);
  return { meetingId: meeting.id, changed };
}
