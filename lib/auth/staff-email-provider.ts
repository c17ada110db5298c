import type { EmailConfig } from "@auth/core/providers/email";
import { env, publicUrl } from "../env";
import { queueMail } from "../mail/queue-mail";
import { localeOfRequest, mailText } from "../mail/mail-text";
import { EMAIL_PROVIDER_ID } from "../access/auth-method";
import { SIGN_IN_LINK_MINUTES } from "./sign-in-link-lifetime";

/**
 * The link in the mail always points at the public URL (PUBLIC_URL, or the demo's listen address),
 * whatever URL Auth.js was handed: a link built from a request's Host / X-Forwarded-Host could be
 * pointed at a stranger's site, who would then receive a caseworker's working token (issue 12.1).
 * The request URL is already the public one (see send-sign-in-link.ts); this is the last check.
 */
function rebase(url: string): string {
  const u = new URL(url);
  return new URL(`${u.pathname}${u.search}`, `${publicUrl()}/`).toString();
}

/**
 * The magic-link provider: the mail is queued (lib/mail/queue-mail.ts) and the job runner sends
 * it — SMTP when configured, else the outbox folder (and the link on the console), so sign-in
 * works in development and tests with no mail server. Delivery is never awaited here, so the
 * answer to a known address takes no longer than the answer to an unknown one.
 */
export function staffEmailProvider(): EmailConfig {
  return {
    id: EMAIL_PROVIDER_ID,
    type: "email",
    name: "E-mail",
    maxAge: SIGN_IN_LINK_MINUTES * 60,
    from: env().MAIL_FROM,
    options: {},
    async sendVerificationRequest({ identifier, url, request }) {
      const link = rebase(url);
      const locale = localeOfRequest(request?.headers);
      await queueMail({
        to: identifier,
        subject: mailText(locale, "staff.mail.signIn.subject"),
        text: mailText(locale, "staff.mail.signIn.body", { link, minutes: SIGN_IN_LINK_MINUTES }),
      });
    },
  };
}
