import type { OutgoingMail } from "../mail/deliver-mail";
import { queueMail } from "../mail/queue-mail";
import { mailText } from "../mail/mail-text";
import { invitationCalendar, type InvitationMailInput } from "../invites/invitation-email";
import { MEETING_TIME_ZONE } from "../time/zoned";

/**
 * A "moved" or "cancelled" mail says what an invitation may say (InvitationMailInput: to whom,
 * when, where, the room's address, the organisation) — never the case — but carries no join
 * link: the person has theirs, and a second copy would be one more key in a mailbox.
 */
export type MeetingChangeMail = Omit<InvitationMailInput, "url" | "expiresAt"> &
  ({ kind: "moved" } | { kind: "cancelled"; message: string | null });

export function renderMeetingChangeEmail(input: MeetingChangeMail): OutgoingMail {
  const { locale } = input;
  const { organisation } = input;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: MEETING_TIME_ZONE }).format(
    input.startsAt,
  );
  const key = input.kind === "moved" ? "meetingMoved" : "meetingCancelled";
  const m = (k: string, vars: Record<string, string | number> = {}) => mailText(locale, `staff.mail.${key}.${k}`, vars);
  const body =
    input.kind === "moved"
      ? [
          m("intro", { organisation }),
          "",
          m("when", { when, minutes: input.durationMinutes }),
          ...(input.location?.trim() ? [m("place", { place: input.location.trim() })] : []),
          ...(input.videoUrl?.trim() ? [m("video", { video: input.videoUrl.trim() })] : []),
          "",
          m("room", { room: input.roomUrl }),
          m("link"),
        ]
      : [m("intro", { organisation, when }), ...(input.message ? ["", m("message", { message: input.message })] : [])];
  const text = [m("greeting", { name: input.name }), "", ...body, "", m("signature", { organisation })].join("\n");
  return { to: input.to, subject: m("subject", { organisation }), text, calendar: invitationCalendar(input) };
}

/** Queue the mail for the job runner (lib/mail/queue-mail.ts), which sends it and retries. */
export async function sendMeetingChangeEmail(input: MeetingChangeMail): Promise<void> {
  await queueMail(renderMeetingChangeEmail(input));
}
