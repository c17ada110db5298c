import { deliverMail } from "../mail/deliver-mail";
import { mailText } from "../mail/mail-text";
import type { Locale } from "../i18n/locales";
import { MEETING_TIME_ZONE } from "../time/zoned";

/**
 * Send a participant their personal join link (SMTP, or the outbox in development). The link is
 * not logged: it opens a health-data meeting for whoever has it.
 */
export function sendInvitationEmail(input: {
  to: string;
  locale: Locale;
  name: string;
  caseworker: string;
  meetingTitle: string;
  startsAt: Date;
  url: string;
  expiresAt: Date;
}): void {
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(input.locale, { ...opts, timeZone: MEETING_TIME_ZONE }).format(d);
  const delivery = deliverMail({
    to: input.to,
    subject: mailText(input.locale, "staff.mail.invitation.subject", { title: input.meetingTitle }),
    text: mailText(input.locale, "staff.mail.invitation.body", {
      name: input.name,
      caseworker: input.caseworker,
      title: input.meetingTitle,
      when: fmt(input.startsAt, { dateStyle: "full", timeStyle: "short" }),
      link: input.url,
      expires: fmt(input.expiresAt, { dateStyle: "long" }),
    }),
  });
  if (delivery.via === "smtp") delivery.sent.catch((e: unknown) => console.error("[stepwise] an invitation e-mail could not be sent", e));
  else console.log(`[stepwise] invitation e-mail written to ${delivery.file}`);
}
