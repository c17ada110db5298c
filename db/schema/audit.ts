import { bigint, bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";

/**
 * One row each time a person's case data is shown to someone: who, whose, what, when, why.
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, so not even the
 * application can rewrite history. The employee can read the rows about their case.
 */
export const accessLog = pgTable(
  "access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    /** "participant" | "staff" */
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    /** What was shown, e.g. "meeting_room", "meeting_doc", "prep_doc", "agreement_pdf". */
    what: text("what").notNull(),
    resourceId: text("resource_id"),
    /** Why, e.g. "meeting", "preparation", "export", "case_overview". */
    purpose: text("purpose").notNull(),
  },
  (t) => [index("access_log_case_idx").on(t.caseId, t.at)],
);

/**
 * Repeated showings merged into one access-log row (issue 12.8): the same person shown the same
 * thing again within a short window (reconnecting sockets, reloads) counts up here instead of
 * adding rows, so a flood cannot bury other rows. `count` includes the row's own first showing;
 * `lastAt` is the newest. The access_log row itself never changes; this table may only count up
 * (a trigger refuses lowering the count, moving `lastAt` back, re-pointing or deleting a row).
 */
export const accessLogRepeats = pgTable("access_log_repeats", {
  accessLogId: bigint("access_log_id", { mode: "number" })
    .primaryKey()
    .references(() => accessLog.id, { onDelete: "restrict" }),
  count: integer("count").notNull(),
  lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
});
