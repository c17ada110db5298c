import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "./cases";

export const outboxStateEnum = pgEnum("outbox_state", ["queued", "sent", "failed"]);

/**
 * Every outgoing e-mail, written before it is sent and delivered by the job runner (lib/jobs):
 * `sent` only once the SMTP server (or the outbox folder) has taken it, `failed` once every retry
 * is spent. The row's id is the delivery job's id, so queueing the same mail twice is one job.
 */
export const outboxMail = pgTable(
  "outbox_mail",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** An invitation's calendar file (iCalendar, no case data), attached as `invitation.ics`; blanked with the body. */
    calendar: text("calendar"),
    state: outboxStateEnum("state").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** The last delivery error, for the operator (never shown to the caseworker verbatim). */
    lastError: text("last_error"),
    /** The invitation's participant, so the caseworker sees this mail's state beside them. */
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_mail_participant_idx").on(t.participantId, t.createdAt)],
);
