import { getDb } from "@/db/client";
import { markMeetingCompleted } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import { publishMeetingCompleted } from "../access/revocation-bus";
import { requireMeetingParticipantFrom, type Principal } from "./require-meeting-participant";

/**
 * The caseworker marks the meeting as held and over (`meeting: manage`). From then on its room
 * is read-only for everyone: the socket server admits new sockets read-only, and the revocation
 * bus tells every instance to make the room's open sockets read-only at once (their periodic
 * re-check catches a lost message). What was written stays; agreements are made from it as
 * before. A cancelled meeting cannot be completed (409); completing twice is harmless.
 */
export async function completeMeeting(input: { who: Principal; meetingId: string }): Promise<{ meetingId: string; changed: boolean }> {
  const { me, meeting } = await requireMeetingParticipantFrom(input.who, input.meetingId);
  assertCan(me.role, "manage", "meeting");
  if (meeting.status === "cancelled") throw new AppError("CONFLICT", "a cancelled meeting cannot be completed", { meeting: "cancelled" });
  const changed = await markMeetingCompleted(await getDb(), meeting.id);
  // Also when it was completed already: a repeated click re-announces it, which costs nothing.
  await publishMeetingCompleted(meeting.id);
  return { meetingId: meeting.id, changed };
}
