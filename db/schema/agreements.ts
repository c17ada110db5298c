import { bigint, bigserial, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases, meetings, participants } from "./cases";
import { bytea } from "./types";

/**
 * An agreement version: the frozen plan as RFC 8785 canonical JSON bytes (bytea, never jsonb,
 * which would reorder keys) and its SHA-256. A trigger (migration 0001) refuses any change to the
 * frozen bytes, any change at all once sealed, and every DELETE.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    version: integer("version").notNull(),
    /** Why version n+1 replaced version n (null for the first). */
    reason: text("reason"),
    canonical: bytea("canonical").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** Roles whose signatures make it binding, e.g. {caseworker, employee, manager}. */
    requiredSigners: text("required_signers").array().notNull(),
    /** Roles who may sign as supporters (the union representative, when chosen). */
    supporters: text("supporters").array().notNull().default([]),
    preparedBy: uuid("prepared_by").references(() => participants.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }),
    sealKid: text("seal_kid"),
    sealSignature: text("seal_signature"),
    chainHead: text("chain_head"),
  },
  (t) => [unique("agreements_case_version_unique").on(t.caseId, t.version), index("agreements_case_idx").on(t.caseId)],
);

/** The hash-chained signature events of an agreement, stored as their canonical bytes. Append-only. */
export const agreementEvents = pgTable(
  "agreement_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    participantId: uuid("participant_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    hash: text("hash").notNull(),
    /** The whole event as canonical JSON, exactly as hashed. */
    data: bytea("data").notNull(),
    /**
     * The server's Ed25519 signature on the event (lib/agreements/event-attestation.ts): the key
     * is outside the database, so a row INSERTed by anyone else cannot carry a valid one. Null
     * only for events written before attestations existed (listed in
     * agreement_events_before_attestation).
     */
    attestKid: text("attest_kid"),
    attestSignature: text("attest_signature"),
    /**
     * The opening of the event's `client` commitment: canonical JSON { ip, salt, userAgent }. Kept
     * beside the hashed bytes so copies of the evidence can leave it out and still verify.
     */
    clientFacts: bytea("client_facts"),
  },
  (t) => [unique("agreement_events_seq_unique").on(t.agreementId, t.seq)],
);

/**
 * The events that existed when event attestations were introduced (filled once by that
 * migration). An event without an attestation is accepted only when it is listed here; the
 * application's database role may read this table, never write it.
 */
export const agreementEventsBeforeAttestation = pgTable("agreement_events_before_attestation", {
  eventId: bigint("event_id", { mode: "number" })
    .primaryKey()
    .references(() => agreementEvents.id, { onDelete: "restrict" }),
});
