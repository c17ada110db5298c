import { integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The countries whose law the product knows: Denmark and Norway. */
export const countryEnum = pgEnum("country", ["DK", "NO"]);

/**
 * A job centre (DK) or NAV office (NO): a tenant. Every case and every staff member belongs to
 * one, and row-level security keeps each organisation's case data to itself (docs/decisions.md,
 * "Organisations and row-level security"). `settings` is room for per-organisation settings
 * (signing identity, OIDC groups …) without a migration each.
 */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  country: countryEnum("country").notNull(),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  /**
   * Days a closed case is kept before the retention job erases it (e.g. five years for DK
   * sagsakter, or what the organisation's archive rules say); null = the installation's
   * CLOSED_CASE_RETENTION_DAYS. A column, not a setting, so the job can compare in SQL.
   */
  closedCaseRetentionDays: integer("closed_case_retention_days"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
