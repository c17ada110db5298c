import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { smtpSettings, type SmtpSettings } from "./mail-settings";

/** `calendar`: an iCalendar file (RFC 5545) sent as the attachment `invitation.ics`. */
export type OutgoingMail = { to: string; subject: string; text: string; calendar?: string | null };
export type Delivery = { via: "smtp"; sent: Promise<void> } | { via: "outbox"; file: string };

let transport: { key: string; t: Transporter } | undefined;

function transporter(smtp: SmtpSettings): Transporter {
  const key = JSON.stringify(smtp);
  if (transport?.key !== key) {
    const t =
      "url" in smtp
        ? nodemailer.createTransport(smtp.url)
        : nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? "" } : undefined,
          });
    transport = { key, t };
  }
  return transport.t;
}

/** The outbox folder: readable by this user only, because its messages hold live links. */
export function outboxDir(): string {
  return path.join(env().DATA_DIR, "outbox");
}

const CALENDAR_FILE = "invitation.ics";
/** lib/calendar/ics.ts publishes (METHOD:PUBLISH): the same UID with a higher SEQUENCE replaces the older copy. */
const CALENDAR_METHOD = "PUBLISH";

/**
 * A plain RFC 822 message, 8-bit, unwrapped, so a link in it can be copied as it is. With a
 * calendar file: multipart/mixed (RFC 2046), the text first, then `invitation.ics` (its lines
 * already end in CRLF and are folded at 75 octets, so 8-bit is safe).
 */
function asEml(mail: OutgoingMail, from: string, at: Date): string {
  const subject = /^[\x20-\x7e]*$/.test(mail.subject)
    ? mail.subject
    : `=?UTF-8?B?${Buffer.from(mail.subject, "utf8").toString("base64")}?=`;
  const head = [`From: ${from}`, `To: ${mail.to}`, `Subject: ${subject}`, `Date: ${at.toUTCString()}`, "MIME-Version: 1.0"];
  const text = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", mail.text, ""];
  if (!mail.calendar) return [...head, ...text].join("\r\n");
  const boundary = `stepwise-${randomBytes(12).toString("hex")}`;
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    `Content-Type: text/calendar; charset=utf-8; method=${CALENDAR_METHOD}; name="${CALENDAR_FILE}"`,
    `Content-Disposition: attachment; filename="${CALENDAR_FILE}"`,
    "Content-Transfer-Encoding: 8bit",
    "",
    mail.calendar.replace(/\r\n$/, ""),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/**
 * Send a message by SMTP when configured, else write it to DATA_DIR/outbox/<time>-<to>.eml.
 * The outbox file exists when this returns (written synchronously); an SMTP send is started and
 * its promise returned, so a caller that must not reveal timing can leave it running.
 */
export function deliverMail(mail: OutgoingMail, now = new Date()): Delivery {
  const settings = smtpSettings();
  if (settings) {
    const sent = transporter(settings.smtp)
      .sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.calendar ? { icalEvent: { method: CALENDAR_METHOD, filename: CALENDAR_FILE, content: mail.calendar } } : {}),
      })
      .then(() => undefined);
    return { via: "smtp", sent };
  }
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._+-]/g, "_").slice(0, 120);
  const file = path.join(dir, `${stamp}-${randomBytes(2).toString("hex")}-${safeTo}.eml`);
  writeFileSync(file, asEml(mail, env().MAIL_FROM ?? "Stepwise <no-reply@localhost>", now), { mode: 0o600, flag: "wx" });
  return { via: "outbox", file };
}
