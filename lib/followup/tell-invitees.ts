import { getDb } from "@/db/client";
import type { MeetingRow } from "@/db/queries/meetings";
import { listActiveParticipants } from "@/db/queries/participants";
import type { Locale } from "../i18n/locales";
import { sendMeetingChangeEmail } from "./meeting-change-email";
import { organisationOfCase } from "../organisations/organisation-of-case";

/**
 * Mail everyone on the case who has an e-mail address (but the one who made the change) that
 * their meeting moved or was cancelled. Returns how many were told.
 */
export async function tellInvitees(input: {
  meeting: MeetingRow;
  exceptParticipantId: string;
  baseUrl: string;
  locale: Locale;
  change: { kind: "moved" } | { kind: "cancelled"; message: string | null };
}): Promise<number> {
  const people = await listActiveParticipants(await getDb(), input.meeting.caseId);
  const { name: organisation } = await organisationOfCase(input.meeting.caseId);
  const roomUrl = `${input.baseUrl.replace(/\/$/, "")}/meetings/${input.meeting.id}`;
  let told = 0;
  for (const p of people) {
    if (!p.email || p.id === input.exceptParticipantId) continue;
    await sendMeetingChangeEmail({
      to: p.email,
      locale: input.locale,
      organisation,
      name: p.displayName,
      startsAt: input.meeting.startsAt,
      durationMinutes: input.meeting.durationMinutes,
      location: input.meeting.location,
      videoUrl: input.meeting.videoUrl,
      roomUrl,
      calendar: input.meeting,
      ...input.change,
    });
    told++;
  }
  return told;
}
