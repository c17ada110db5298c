import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { meetings, participants } from "./cases";
import { bytea } from "./types";

/** A join link: only the SHA-256 of its token is stored, never the token itself. */
export const joinLinks = pgTable(
  "join_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    tokenHash: bytea("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Demo links may be opened again and again; real invitations could be single use.
    reusable: boolean("reusable").notNull().default(true),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    firstUsedAt: timestamp("first_used_at", { withTimezone: true }),
    useCount: integer("use_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("join_links_participant_idx").on(t.participantId)],
);

/** Every use of a join link, kept for the participant's and the caseworker's overview. */
export const joinLinkUses = pgTable("join_link_uses", {
  id: uuid("id").primaryKey().defaultRandom(),
  joinLinkId: uuid("join_link_id")
    .notNull()
    .references(() => joinLinks.id, { onDelete: "cascade" }),
  usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
  ip: text("ip"),
  userAgent: text("user_agent"),
});

/** A participant's browser session: the cookie holds a random token, the table its hash. */
export const participantSessions = pgTable(
  "participant_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: bytea("token_hash").notNull().unique(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    joinLinkId: uuid("join_link_id").references(() => joinLinks.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("participant_sessions_participant_idx").on(t.participantId)],
);
