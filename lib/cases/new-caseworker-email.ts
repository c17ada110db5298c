import type { Locale } from "../i18n/locales";
import type { OutgoingMail } from "../mail/deliver-mail";
import { mailText } from "../mail/mail-text";
import { queueMail } from "../mail/queue-mail";

/**
 * "You have a new caseworker: <name>." The mail names the organisation and the new caseworker and
 * nothing about the case (a mailbox or a forwarded mail must not tell anyone more), and carries no
 * link: the person's own link keeps working.
 */
export function renderNewCaseworkerEmail(input: {
  to: string;
  name: string;
  caseworker: string;
  /** The case's organisation's name (lib/organisations/organisation-of-case.ts). */
  organisation: string;
  locale: Locale;
}): OutgoingMail {
  const { organisation } = input;
  const m = (k: string, vars: Record<string, string | number> = {}) => mailText(input.locale, `staff.mail.newCaseworker.${k}`, vars);
  const text = [
    m("greeting", { name: input.name }),
    "",
    m("intro", { organisation, caseworker: input.caseworker }),
    m("link"),
    "",
    m("signature", { organisation }),
  ].join("\n");
  return { to: input.to, subject: m("subject", { organisation }), text };
}

/** Queue it for the job runner (lib/mail/queue-mail.ts), tied to the person so its state shows beside them. */
export async function sendNewCaseworkerEmail(input: {
  to: string;
  name: string;
  caseworker: string;
  organisation: string;
  locale: Locale;
  participantId: string;
}): Promise<void> {
  await queueMail(renderNewCaseworkerEmail(input), { participantId: input.participantId });
}
