import { date, pgEnum, pgTable, text, timestamp, uuid, integer, index } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organisations } from "./organisations";

export const trackEnum = pgEnum("track", ["employed", "unemployed"]);
export const roleEnum = pgEnum("participant_role", ["caseworker", "employee", "manager", "union_rep", "observer", "doctor"]);
export const meetingStatusEnum = pgEnum("meeting_status", ["planned", "in_progress", "completed", "cancelled"]);
export const caseStateEnum = pgEnum("case_state", ["open", "closed"]);
/** How a case ended (lib/cases/case-lifecycle.ts names them). */
export const caseOutcomeEnum = pgEnum("case_outcome", [
  "full_return",
  "partial_return",
  "other_job",
  "education",
  "left_labour_market",
  "other",
]);
export const caseEventKindEnum = pgEnum("case_event_kind", ["closed", "reopened", "handed_over"]);

/** A person's return-to-work process. Holds no diagnosis: data minimisation by design. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Whose case it is: row-level security on every table of case data follows this. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    employeeName: text("employee_name").notNull(),
    employer: text("employer"),
    track: trackEnum("track").notNull(),
    /** The staff user who opened the case. */
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The organisation's own case number (sagsnummer / saksnummer): free text, as their system writes it. */
    reference: text("reference"),
    /** The first day of sick leave (`YYYY-MM-DD`); the law's deadlines count from it. */
    sickLeaveStart: date("sick_leave_start", { mode: "string" }),
    /** The staff user responsible for the case now (the creator, until a team lead hands it over). */
    assignedCaseworkerId: text("assigned_caseworker_id").references(() => users.id, { onDelete: "set null" }),
    /** A closed case is read-only everywhere until it is reopened (a check keeps outcome and date with it). */
    state: caseStateEnum("state").notNull().default("open"),
    outcome: caseOutcomeEnum("outcome"),
    closedOn: date("closed_on", { mode: "string" }),
  },
  (t) => [index("cases_organisation_idx").on(t.organisationId), index("cases_assigned_caseworker_idx").on(t.assignedCaseworkerId)],
);

/**
 * The case's lifecycle, one row per change: closed (outcome, date), reopened (reason) or handed
 * over (from, to). Who did it and when; the `cases` row holds only the current state.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: caseEventKindEnum("kind").notNull(),
    outcome: caseOutcomeEnum("outcome"),
    closedOn: date("closed_on", { mode: "string" }),
    reason: text("reason"),
    fromUserId: text("from_user_id").references(() => users.id, { onDelete: "set null" }),
    toUserId: text("to_user_id").references(() => users.id, { onDelete: "set null" }),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    /** The staff account behind a caseworker participant (null for people who join by link). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    // Index into the presence palette; stable per participant so colours never swap mid-meeting.
    colorIndex: integer("color_index").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("participants_case_idx").on(t.caseId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    location: text("location"),
    videoUrl: text("video_url"),
    status: meetingStatusEnum("status").notNull().default("planned"),
    /** iCalendar SEQUENCE: raised by each reschedule and by cancelling, so calendars take the newer event. */
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meetings_case_idx").on(t.caseId)],
);
