import type { OutgoingMail } from "../mail/deliver-mail";
import { mailText } from "../mail/mail-text";
import type { Locale } from "../i18n/locales";
import type { ReminderKind } from "./reminder-kinds";

/**
 * A reminder says only "You have something to do in Stepwise", with a link — never what: no goal,
 * sub-goal, action, measure, diagnosis, meeting title or name (e-mail is read on lock screens and
 * in shared mailboxes). What it is shows once the person opens Stepwise. It cannot carry case
 * content by construction: it takes none. One mail covers every kind due for the person at once,
 * each with its own unsubscribe link.
 */
export type ReminderMailInput = {
  to: string;
  locale: Locale;
  /** The organisation of the case (its name is no case content: it is on every mail it sends). */
  organisation: string;
  /** Where to go: `<PUBLIC_URL>/me`, or the caseworker's deadline list. No token. */
  link: string;
  /** The kinds this mail reminds of, each with its signed unsubscribe address. */
  kinds: { kind: ReminderKind; unsubscribeUrl: string }[];
};

export function renderReminderEmail(input: ReminderMailInput): OutgoingMail {
  const { locale } = input;
  const { organisation } = input;
  const m = (key: string, vars: Record<string, string | number> = {}) => mailText(locale, `reminders.mail.${key}`, vars);
  const text = [
    m("greeting"),
    "",
    m("intro"),
    "",
    m("open"),
    "",
    input.link,
    "",
    m("why", { organisation }),
    ...input.kinds.map((k) => m("stop", { kind: mailText(locale, `reminders.kinds.${k.kind}`), url: k.unsubscribeUrl })),
    "",
    m("signature", { organisation }),
  ].join("\n");
  return { to: input.to, subject: m("subject"), text };
}
