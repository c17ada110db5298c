/**
 * Two database roles (docs/database-roles.md):
 *
 *   owner        owns the schema and every table; runs the migrations (DATABASE_OWNER_URL).
 *                Only an owner (or a superuser) can disable a trigger or change a table.
 *   application  what the running server connects as (DATABASE_URL): reads and writes the
 *                product's tables, but on the evidence tables may only read and append — no
 *                UPDATE (except sealing an agreement's four seal columns, once, which the guard
 *                trigger allows), no DELETE, TRUNCATE or TRIGGER, and it owns nothing. It may
 *                call the two SECURITY DEFINER functions of migration 0015 that erase a case or
 *                purge the access log past its retention, and nothing else deletes evidence;
 *                and the look-ups of migration 0018 that name a credential's organisation.
 *
 * `grantApplicationRole` runs as the owner after every migration, so a table added later gets
 * its grants at the next start. A new evidence table must be added to EVIDENCE_TABLES (or, when the
 * application may update it under a guard trigger, to GUARDED_TABLES).
 */
export const EVIDENCE_TABLES = [
  "access_log",
  "agreements",
  "agreement_events",
  "agreement_events_before_attestation",
  "case_erasures",
] as const;

/**
 * Evidence the application updates only as its guard trigger allows (an access-log row's repeat
 * count, which may only grow): UPDATE stays, DELETE, TRUNCATE, TRIGGER and REFERENCES go.
 */
export const GUARDED_TABLES = ["access_log_repeats"] as const;

/** The agreement columns the application writes when it seals (migration 0002's guard allows it once). */
const SEAL_COLUMNS = ["sealed_at", "seal_kid", "seal_signature", "chain_head"] as const;

/** A quoted SQL identifier (role names come from configuration). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The SECURITY DEFINER look-ups of migration 0018: each answers an organisation's id, nothing more. */
export const ORGANISATION_LOOKUPS = [
  "stepwise_organisation_of_case(uuid)",
  "stepwise_organisation_of_meeting(uuid)",
  "stepwise_organisation_of_participant(uuid)",
  "stepwise_organisation_of_participant_session(bytea)",
  "stepwise_organisation_of_join_link(bytea)",
  "stepwise_organisation_of_calendar_feed(bytea)",
  "stepwise_organisation_of_outbox_mail(uuid)",
] as const;

/** The statements that give `appRole` exactly what the application needs; run them in one transaction. */
export function applicationRoleGrants(appRole: string): string[] {
  const role = quoteIdent(appRole);
  const evidence = EVIDENCE_TABLES.map(quoteIdent).join(", ");
  return [
    `grant usage on schema public to ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    `revoke update, delete, truncate, trigger, references on ${evidence} from ${role}`,
    `revoke delete, truncate, trigger, references on ${GUARDED_TABLES.map(quoteIdent).join(", ")} from ${role}`,
    // The list of events from before attestations is closed: read only.
    `revoke insert on agreement_events_before_attestation from ${role}`,
    // The record of an erasure is written by stepwise_erase_case alone (with the owner's rights).
    `revoke insert on case_erasures from ${role}`,
    // Erasure and the access log's retention (migration 0015): the only way the application can
    // delete evidence, each for the rows the function names (docs/decisions.md, "Erasure").
    `grant execute on function stepwise_erase_case(uuid, text, text) to ${role}`,
    `grant execute on function stepwise_purge_access_log(timestamptz) to ${role}`,
    // Which organisation a credential or an id belongs to, asked before any is entered (migration 0018).
    ...ORGANISATION_LOOKUPS.map((f) => `grant execute on function ${f} to ${role}`),
    `grant update (${SEAL_COLUMNS.map(quoteIdent).join(", ")}) on agreements to ${role}`,
    // To see whether migrations are pending, never to run them.
    `grant usage on schema drizzle to ${role}`,
    `grant select on all tables in schema drizzle to ${role}`,
  ];
}

/** Runs the grants through whatever connection the owner has (postgres.js or PGlite). */
export async function grantApplicationRole(exec: (statement: string) => Promise<unknown>, appRole: string): Promise<void> {
  await exec(`begin; ${applicationRoleGrants(appRole).join("; ")}; commit`);
}
