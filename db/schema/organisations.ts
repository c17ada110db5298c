import { jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
