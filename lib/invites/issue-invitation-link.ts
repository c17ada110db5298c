import { getDb } from "@/db/client";
import { listMeetingsOfCases } from "@/db/queries/cases";
import { createJoinLink } from "../access/create-join-link";
import { joinLinkExpiry } from "../access/join-link-expiry";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { pickInvitationMeeting } from "../meetings/pick-invitation-meeting";
import type { Role } from "../plan/roles";
import { invitationQrSvg } from "./invitation-qr";
import { sendInvitationEmail } from "./invitation-email";

/** A freshly issued link, shown once: only its hash is stored, so it can never be shown again. */
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
  now?: Date;
}): Promise<IssuedInvitation> {
  const meetings = await listMeetingsOfCases(await getDb(), [input.caseId]);
  const meeting = pickInvitationMeeting(meetings, input.now);
  if (!meeting) throw new AppError("CONFLICT", "schedule a meeting before inviting", { form: "noMeeting" });
  const expiresAt = joinLinkExpiry({ now: input.now ?? new Date(), meetings });
  const link = await createJoinLink({ participantId: input.participant.id, meetingId: meeting.id, expiresAt });
  const base = input.baseUrl.replace(/\/$/, "");
  const url = `${base}${link.path}`;
  if (input.participant.email) {
    sendInvitationEmail({
      to: input.participant.email,
      locale: input.locale,
      name: input.participant.displayName,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      roomUrl: `${base}/meetings/${meeting.id}`,
      url,
      expiresAt: link.expiresAt,
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
    emailedTo: input.participant.email,
  };
}
