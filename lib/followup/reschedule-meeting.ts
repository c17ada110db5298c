import { getDb } from "@/db/client";
import { rescheduleMeetingRow } from "@/db/queries/meetings";
import { extendCaseJoinLinks } from "../access/extend-case-join-links";
import { invalidInput } from "../input-errors";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { ZRescheduleMeeting } from "../meetings/meeting-input";
import { requireMeetingStaff } from "./require-meeting-staff";
import { tellInvitees } from "./tell-invitees";
import type { Actors } from "../access/actor";

export type MeetingChange = { meetingId: string; sequence: number; told: number };

/**
 * The caseworker moves a meeting to come: a new time, length, place or video link. Its calendar
 * event keeps its UID and gets a higher SEQUENCE; everyone invited with an e-mail address is told
 * (without case content). A completed or cancelled meeting cannot be moved (409).
 */
export async function rescheduleMeeting(input: {
  who: Actors;
  meetingId: string;
  raw: unknown;
  baseUrl: string;
  locale: Locale;
}): Promise<MeetingChange> {
  const access = await requireMeetingStaff(input);
  const parsed = ZRescheduleMeeting.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { startsAt, durationMinutes, location, videoUrl } = parsed.data;
  const row = await rescheduleMeetingRow(await getDb(), access.meeting.id, { startsAt, durationMinutes, location, videoUrl });
  if (!row) throw new AppError("CONFLICT", "a completed or cancelled meeting cannot be moved", { meeting: access.meeting.status });
  // A later time extends the people's links with it (see joinLinkExpiry).
  await extendCaseJoinLinks({ caseId: row.caseId });
  const told = await tellInvitees({
    meeting: row,
    exceptParticipantId: access.me.participantId,
    baseUrl: input.baseUrl,
    locale: input.locale,
    change: { kind: "moved" },
  });
  return { meetingId: row.id, sequence: row.sequence, told };
}
