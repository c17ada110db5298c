import { getDb } from "@/db/client";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { createJoinLink } from "../access/create-join-link";
import { joinLinkExpiry } from "../access/join-link-expiry";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { pickInvitationMeeting } from "../time/pick-invitation-meeting";
import type { Role } from "../plan/roles";
import { invitationQrSvg } from "./invitation-qr";
import { sendInvitationEmail } from "./invitation-email";
import { organisationOfCase } from "../organisations/organisation-of-case";

/**
 * A freshly issued link, shown once: only its hash is stored, so this token is never shown again
 * (showing a person's link "again" issues another one beside it: show-invitation-again.ts).
 */
export type IssuedInvitation = {
  participantId: string;
  displayName: string;
  role: Role;
  url: string;
  qrSvg: string;
  expiresAt: Date;
  meeting: { id: string; title: string; startsAt: Date };
  emailedTo: string | null;
};

/**
 * Issue a new join link for a participant, bound to the case's next meeting, and (when the
 * participant has an e-mail) send it to them. Callers authorise first; this is the shared tail of
 * inviting and re-issuing.
 */
export async function issueInvitationLink(input: {
  caseId: string;
  participant: { id: string; role: Role; displayName: string; email: string | null };
  baseUrl: string;
  locale: Locale;
  /** False: no e-mail (the person still has the link they were sent). Default true. */
  sendEmail?: boolean;
  now?: Date;
}): Promise<IssuedInvitation> {
  const meetings = await listMeetingsOfCases(await getDb(), [input.caseId]);
  const meeting = pickInvitationMeeting(meetings, input.now);
  if (!meeting) throw new AppError("CONFLICT", "schedule a meeting before inviting", { form: "noMeeting" });
  const expiresAt = joinLinkExpiry({ now: input.now ?? new Date(), meetings });
  const link = await createJoinLink({ participantId: input.participant.id, meetingId: meeting.id, expiresAt });
  const base = input.baseUrl.replace(/\/$/, "");
  const url = `${base}${link.path}`;
  const emailedTo = input.sendEmail === false ? null : input.participant.email;
  if (emailedTo) {
    await sendInvitationEmail({
      participantId: input.participant.id,
      to: emailedTo,
      locale: input.locale,
      organisation: (await organisationOfCase(input.caseId)).name,
      name: input.participant.displayName,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      roomUrl: `${base}/meetings/${meeting.id}`,
      url,
      expiresAt: link.expiresAt,
      calendar: meeting,
    });
  }
  return {
    participantId: input.participant.id,
    displayName: input.participant.displayName,
    role: input.participant.role,
    url,
    qrSvg: await invitationQrSvg(url),
    expiresAt: link.expiresAt,
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
    emailedTo,
  };
}
