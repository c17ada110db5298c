import { boolean, doublePrecision, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { cases, meetings, participants } from "./cases";
import { bytea } from "./types";

/**
 * Progress between meetings: one value of one sub-goal's measure on one day (pain 6, 22 hours a
 * week), recorded by the employee or the manager. `subGoalId` is the sub-goal's id in the frozen
 * agreement; a follow-up meeting keeps sub-goal ids, so a series runs across agreement versions.
 * `agreementId` is the binding version whose measure the value was checked against.
 */
export const progressEntries = pgTable(
  "progress_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    subGoalId: text("sub_goal_id").notNull(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    /** The day the value is about (`YYYY-MM-DD`, Europe/Copenhagen), never in the future. */
    measuredOn: text("measured_on").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("progress_entries_case_idx").on(t.caseId, t.subGoalId, t.measuredOn)],
);

/**
 * Whether a sub-goal's measure is about the employee's health (pain, mood, confidence …) and, if
 * so, whether the employee shares its values with the others on the case. Only a choice someone
 * made is stored; without a row the measure's label decides (lib/privacy/measure-privacy.ts).
 * Health measures are recorded only by the employee and the caseworker, and their values reach
 * no one else unless `shared`. Keyed like progress entries: a sub-goal keeps its id across
 * agreement versions, so a choice holds for the whole case.
 */
export const measurePrivacy = pgTable(
  "measure_privacy",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    subGoalId: text("sub_goal_id").notNull(),
    health: boolean("health").notNull(),
    shared: boolean("shared").notNull().default(false),
    setBy: uuid("set_by").references(() => participants.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.subGoalId] })],
);

/**
 * A participant's answer to the invitation to a meeting: coming, need another time (with a
 * suggestion) or cannot come (with a reason). One row per person and meeting; a new answer
 * replaces the old one.
 */
export const invitationAnswers = pgTable(
  "invitation_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** "coming" | "another_time" | "cannot_come" */
    answer: text("answer").notNull(),
    suggestion: text("suggestion"),
    reason: text("reason"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("invitation_answers_meeting_participant_unique").on(t.meetingId, t.participantId)],
);

/**
 * "I have read the binding agreement": who, when, and the fingerprint of exactly the version
 * they confirmed. The first confirmation of a version is kept.
 */
export const agreementReadReceipts = pgTable(
  "agreement_read_receipts",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.participantId] })],
);

/**
 * A participant's calendar subscription: calendar apps poll `/api/calendar/<token>` without a
 * session, so the URL holds a 256-bit secret; only its SHA-256 is stored. Revoking sets
 * `revokedAt` and the link answers 404 from then on.
 */
export const calendarSubscriptions = pgTable(
  "calendar_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    tokenHash: bytea("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("calendar_subscriptions_participant_idx").on(t.participantId)],
);
