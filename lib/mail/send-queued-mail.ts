import { z } from "zod";
import { getDb } from "@/db/client";
import { findOutboxMail, markOutboxSent, recordOutboxFailure } from "@/db/queries/outbox";
import { organisationOfOutboxMail } from "@/db/queries/organisation-of";
import { inOrganisation } from "../access/in-organisation";
import path from "node:path";
import { errorFields, logger } from "../log/logger";
import { deliverMail } from "./deliver-mail";

const log = logger("mail");

const jobData = z.object({ outboxId: z.uuid() });

/**
 * The `mail.send` job: deliver one outbox row (SMTP, or DATA_DIR/outbox with no SMTP), then mark
 * it `sent`. Idempotent: a row that is no longer `queued` is not sent again, so a job run twice
 * sends once. A failure is recorded and thrown, so the runner retries with backoff; after the last
 * retry the row is `failed`. Once a row is settled its body — which holds a live link — is blanked.
 */
export async function sendQueuedMail(data: unknown, attempt: { retryCount: number; retryLimit: number }): Promise<void> {
  const { outboxId } = jobData.parse(data);
  const db = await getDb();
  // A job runs in no organisation: a participant's mail is read in their case's (row-level
  // security); mail that is nobody's case data (a staff sign-in link) is visible outside any.
  const organisationId = await organisationOfOutboxMail(db, outboxId);
  await inOrganisation(organisationId, () => send(outboxId, attempt));
}

async function send(outboxId: string, attempt: { retryCount: number; retryLimit: number }): Promise<void> {
  const db = await getDb();
  const row = await findOutboxMail(db, outboxId);
  if (!row || row.state !== "queued") return;
  try {
    const delivery = deliverMail({ to: row.toAddress, subject: row.subject, text: row.body, calendar: row.calendar }, new Date(), outboxId);
    if (delivery.via === "smtp") await delivery.sent;
    // The folder only: the file's name holds the address, and the message a working link.
    else log.info("e-mail written to the outbox", { folder: path.dirname(delivery.file), outboxId });
  } catch (e) {
    const last = attempt.retryCount >= attempt.retryLimit;
    await recordOutboxFailure(db, outboxId, e instanceof Error ? e.message : String(e), last);
    log.error(last ? "an e-mail could not be sent; no retries left" : "an e-mail could not be sent; it will be retried", {
      outboxId,
      ...errorFields(e),
    });
    throw e;
  }
  await markOutboxSent(db, outboxId, new Date());
}
