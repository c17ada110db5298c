import type { OutgoingMail } from "../mail/deliver-mail";
import { queueMail } from "../mail/queue-mail";
import { mailText } from "../mail/mail-text";
import type { Locale } from "../i18n/locales";
import { MEETING_TIME_ZONE } from "../time/zoned";
import { buildCalendar } from "../calendar/ics";
import { meetingEvent, PROD_ID, type CalendarMeeting } from "../calendar/meeting-event";

/**
 * What an invitation may say: to whom (the recipient's own name), when, where (the place or the
 * video link), the room's address and the personal link — and which organisation invites. Never
 * the meeting's title, the employee's name, the employer, the plan or anything else of the case:
 * e-mail is read on lock screens, in shared mailboxes and by anyone an e-mail is forwarded to.
 */
export type InvitationMailInput = {
  to: string;
  locale: Locale;
  /** The name of the organisation that invites (the case's: organisationOfCase). */
  organisation: string;
  /** The recipient's own name (the greeting). */
  name: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  /** The meeting room's address without any token (`<PUBLIC_URL>/meetings/<id>`). */
  roomUrl: string;
  /** The personal join link. */
  url: string;
  expiresAt: Date;
  /** The meeting as a calendar event: attached as `invitation.ics` (no case data; lib/calendar). */
  calendar?: CalendarMeeting;
};

/**
 * The calendar file of an invitation or a change: the same event (UID) as the calendar feed, so a
 * move (higher SEQUENCE) or a cancellation (STATUS:CANCELLED) replaces the copy a calendar holds.
 */
export function invitationCalendar(input: Pick<InvitationMailInput, "roomUrl" | "locale" | "calendar">, now = new Date()): string | null {
  if (!input.calendar) return null;
  const baseUrl = input.roomUrl.replace(/\/meetings\/[^/]+$/, "");
  return buildCalendar({
    prodId: PROD_ID,
    name: null,
    now,
    events: [meetingEvent(input.calendar, { baseUrl, locale: input.locale, host: new URL(input.roomUrl).host })],
  });
}

export function renderInvitationEmail(input: InvitationMailInput): OutgoingMail {
  const { locale } = input;
  const { organisation } = input;
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...opts, timeZone: MEETING_TIME_ZONE }).format(d);
  const m = (key: string, vars: Record<string, string | number> = {}) => mailText(locale, `staff.mail.invitation.${key}`, vars);
  const where = [
    input.location?.trim() ? m("place", { place: input.location.trim() }) : null,
    input.videoUrl?.trim() ? m("video", { video: input.videoUrl.trim() }) : null,
  ].filter((l): l is string => l !== null);
  // The personal link is the only line that starts with "http" (people and tests copy "the link").
  const text = [
    m("greeting", { name: input.name }),
    "",
    m("intro", { organisation }),
    "",
    m("when", { when: fmt(input.startsAt, { dateStyle: "full", timeStyle: "short" }), minutes: input.durationMinutes }),
    ...where,
    "",
    m("linkIntro"),
    "",
    input.url,
    "",
    m("room", { room: input.roomUrl }),
    "",
    m("personal", { expires: fmt(input.expiresAt, { dateStyle: "long" }) }),
    "",
    m("signature", { organisation }),
  ].join("\n");
  return { to: input.to, subject: m("subject", { organisation }), text, calendar: invitationCalendar(input) };
}

/**
 * Queue a participant's personal join link for the job runner (SMTP, or the outbox folder in
 * development); its state shows beside the participant. The link is not logged: it opens a
 * health-data meeting for whoever has it.
 */
export async function sendInvitationEmail(input: InvitationMailInput & { participantId?: string }): Promise<void> {
  await queueMail(renderInvitationEmail(input), { participantId: input.participantId });
}
