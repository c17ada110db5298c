import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { smtpSettings, type SmtpSettings } from "./mail-settings";

export type OutgoingMail = { to: string; subject: string; text: string };
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

/** The part of an outbox file's name that names its address (`…-<to>.eml`). */
export function outboxFileSuffix(to: string): string {
  return `-${safeAddress(to)}.eml`;
}

function safeAddress(to: string): string {
  return to.replace(/[^a-zA-Z0-9@._+-]/g, "_").slice(0, 120);
}

/** A plain RFC 822 message, 8-bit, unwrapped, so a link in it can be copied as it is. */
function asEml(mail: OutgoingMail, from: string, at: Date): string {
  const subject = /^[\x20-\x7e]*$/.test(mail.subject)
    ? mail.subject
    : `=?UTF-8?B?${Buffer.from(mail.subject, "utf8").toString("base64")}?=`;
  return [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: ${subject}`,
    `Date: ${at.toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    mail.text,
    "",
  ].join("\r\n");
}

/**
 * Send a message by SMTP when configured, else write it to DATA_DIR/outbox/<time>-<tag>-<to>.eml.
 * `tag` is the outbox row's id, so erasing a case finds its files (lib/personal-data/erase-case.ts).
 * The outbox file exists when this returns (written synchronously); an SMTP send is started and
 * its promise returned, so a caller that must not reveal timing can leave it running.
 */
export function deliverMail(mail: OutgoingMail, now = new Date(), tag?: string): Delivery {
  const settings = smtpSettings();
  if (settings) {
    const sent = transporter(settings.smtp)
      .sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text })
      .then(() => undefined);
    return { via: "smtp", sent };
  }
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const safeTo = safeAddress(mail.to);
  const file = path.join(dir, `${stamp}-${tag ?? randomBytes(2).toString("hex")}-${safeTo}.eml`);
  writeFileSync(file, asEml(mail, env().MAIL_FROM ?? "Stepwise <no-reply@localhost>", now), { mode: 0o600, flag: "wx" });
  return { via: "outbox", file };
}
