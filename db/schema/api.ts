import { integer, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { bytea } from "./types";

/**
 * An organisation's API token for its own systems (`/api/v1/`): named, scoped to one
 * organisation, revocable. Only the SHA-256 of the token is stored; the token itself is shown
 * once, when it is created (`npm run admin -- token:create`).
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The organisation the token acts in (nothing outside it exists for the token). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: bytea("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** Set once: a revoked token is refused from the next request on. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_organisation_idx").on(t.organisationId)],
);

/**
 * The API's request counters (rate-limiter-flexible's Drizzle store: key, points, expire), one
 * row per token or staff session, shared by every instance.
 */
export const apiRateLimits = pgTable("api_rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
