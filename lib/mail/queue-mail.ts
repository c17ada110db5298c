import { getDb } from "@/db/client";
import { insertOutboxMail } from "@/db/queries/outbox";
import { enqueueJob } from "../jobs/job-runner";
import type { OutgoingMail } from "./deliver-mail";

/**
 * Put a message in the outbox table and queue its delivery (lib/mail/send-queued-mail.ts): the
 * caller returns at once, and the message is `queued` until it has really been handed over.
 * `participantId` ties an invitation's mail to the person, so its state shows beside them.
 */
export async function queueMail(mail: OutgoingMail, opts: { participantId?: string } = {}): Promise<string> {
  const id = await insertOutboxMail(await getDb(), {
    to: mail.to,
    subject: mail.subject,
    body: mail.text,
    calendar: mail.calendar ?? null,
    participantId: opts.participantId ?? null,
  });
  // The row's id is the job's key: however often this mail is queued, it is one job.
  await enqueueJob("mail.send", { outboxId: id }, id);
  return id;
}
