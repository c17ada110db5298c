import { env } from "../env";

export type SmtpSettings = { url: string } | { host: string; port: number; secure: boolean; user?: string; pass?: string };

/**
 * SMTP when it is configured (SMTP_URL, or SMTP_HOST with PORT/USER/PASS) and MAIL_FROM names a
 * sender; otherwise null, and mail goes to DATA_DIR/outbox so everything works with no server.
 */
export function smtpSettings(): { smtp: SmtpSettings; from: string } | null {
  const e = env();
  if (!e.MAIL_FROM) return null;
  if (e.SMTP_URL) return { smtp: { url: e.SMTP_URL }, from: e.MAIL_FROM };
  if (e.SMTP_HOST) {
    return {
      smtp: { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_PORT === 465, user: e.SMTP_USER, pass: e.SMTP_PASS },
      from: e.MAIL_FROM,
    };
  }
  return null;
}

export function mailIsConfigured(): boolean {
  return smtpSettings() !== null;
}
