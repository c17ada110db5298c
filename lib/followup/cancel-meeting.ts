import { getDb } from "@/db/client";
import { cancelMeetingRow } from "@/db/queries/meetings";
import { invalidInput } from "../input-errors";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { ZCancelMeeting } from "../meetings/meeting-input";
import type { MeetingChange } from "./reschedule-meeting";
import { requireMeetingStaff } from "./require-meeting-staff";
import { tellInvitees } from "./tell-invitees";
import { publishMeetingCompleted } from "../access/revocation-bus";
import type { Actors } from "../access/actor";

/**
 * The caseworker cancels a meeting to come, with an optional message to the people invited. The
 * calendar event keeps its UID, gets a higher SEQUENCE and `STATUS:CANCELLED`; everyone invited
 * with an e-mail address is told, and its room turns read-only for everyone (as a completed
 * meeting's does). A completed or already cancelled meeting answers 409.
 */
export async function cancelMeeting(input: {
  who: Actors;
  meetingId: string;
  raw: unknown;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<MeetingChange> {
  const access = await requireMeetingStaff(input);
  const parsed = ZCancelMeeting.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await cancelMeetingRow(await getDb(), access.meeting.id, input.now ?? new Date());
  if (!row) throw new AppError("CONFLICT", "a completed or cancelled meeting cannot be cancelled", { meeting: access.meeting.status });
  // Its room is read-only from now on, like a completed meeting's: open sockets are told at once.
  await publishMeetingCompleted(row.id);
  const told = await tellInvitees({
    meeting: row,
    exceptParticipantId: access.me.participantId,
    baseUrl: input.baseUrl,
    locale: input.locale,
    change: { kind: "cancelled", message: parsed.data.message },
  });
  return { meetingId: row.id, sequence: row.sequence, told };
}
