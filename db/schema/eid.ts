import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participantSessions } from "./access";

/**
 * A participant's sign-in with the national eID (MitID through a broker, ID-porten) while it is
 * under way: the secrets our side of the flow must show again at the callback. One row per
 * attempt, found by the hash of its `state`, deleted when used (or when its session ends).
 */
export const eidAttempts = pgTable("eid_attempts", {
  stateHash: text("state_hash").primaryKey(),
  sessionId: uuid("session_id")
    .notNull()
    .references(() => participantSessions.id, { onDelete: "cascade" }),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/**
 * A participant session confirmed by eID: which broker, the assurance level it reported (`acr`
 * as sent, and our reading of it). No personal number, no name: the eID's name was checked
 * against the participant's registered name and is not kept.
 */
export const participantEid = pgTable(
  "participant_eid",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => participantSessions.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    level: text("level").notNull(),
    acr: text("acr").notNull(),
    assertedAt: timestamp("asserted_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("participant_eid_session_idx").on(t.sessionId)],
);
