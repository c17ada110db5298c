import { boolean, doublePrecision, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organisations } from "./organisations";

/**
 * An organisation's own additions to the activity catalogue (issue 17): the providers it works
 * with, offered as suggestions for an activity's provider, and its own activities, offered beside
 * the country's catalogue. Tables, not `organisations.settings`: each row has an id the plan can
 * point to, names are unique per organisation in the database, and row-level security keeps each
 * organisation's list to itself (docs/decisions.md, "The organisation's own catalogue").
 */
export const organisationProviders = pgTable(
  "organisation_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** How to reach them, or what they do: for the caseworker, never copied into a plan. */
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisation_providers_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);

export const organisationActivities = pgTable(
  "organisation_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** One name, in the organisation's own words (a programme's name is mostly a proper name). */
    name: text("name").notNull(),
    /** What sort of activity (lib/plan/own-activity.ts OWN_ACTIVITY_KINDS). */
    kind: text("kind").notNull(),
    hoursPerWeek: doublePrecision("hours_per_week"),
    atWorkplace: boolean("at_workplace").notNull().default(false),
    /** Tells something about health: neutral for the manager unless the employee agreed. */
    sensitive: boolean("sensitive").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Also the index for "this organisation's activities" (its first column).
  (t) => [uniqueIndex("organisation_activities_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);
