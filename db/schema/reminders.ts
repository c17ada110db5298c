import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "./cases";
import { outboxMail } from "./outbox";

/**
 * Each reminder sent, once per person, kind, subject and occasion (lib/reminders): the scan runs
 * at start and every hour, on every instance, and a row here is what keeps a second run — or a
 * restart in the middle — from sending it again. `subject` and `occasion` are ids and dates only
 * (a meeting's id and day, an action's id and due date), never case text.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    occasion: text("occasion").notNull(),
    outboxId: uuid("outbox_id").references(() => outboxMail.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.kind, t.subject, t.occasion] })],
);

/** A person's "no more reminders of this kind" (the signed link in every reminder; no sign-in). */
export const reminderUnsubscribes = pgTable(
  "reminder_unsubscribes",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.kind] })],
);

/**
 * The language a participant last used (chosen in the language switcher, or their browser's when
 * they opened their link), so a reminder reaches them in it. No row: the organisation's language.
 */
export const participantLanguages = pgTable("participant_languages", {
  participantId: uuid("participant_id")
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  locale: text("locale").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
