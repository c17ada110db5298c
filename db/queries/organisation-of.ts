import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Which organisation a credential or an id belongs to, asked before any organisation's scope is
 * entered: outside one a statement sees no case data (row-level security), so these go through
 * the narrow SECURITY DEFINER functions of migration 0018, which answer an organisation's id or
 * null and nothing else. The caller then enters that organisation (db/organisation-scope.ts) and
 * reads what it needs under the policies as always.
 */
async function ask(db: Db, call: SQL): Promise<string | null> {
  const result = (await db.execute(sql`select ${call} as org`)) as unknown as { rows?: { org: string | null }[] } & {
    org: string | null;
  }[];
  return (result.rows ?? result)[0]?.org ?? null;
}

const bytes = (hash: Uint8Array) => Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength);

export const organisationOfCaseId = (db: Db, caseId: string) => ask(db, sql`stepwise_organisation_of_case(${caseId}::uuid)`);

export const organisationOfMeetingId = (db: Db, meetingId: string) => ask(db, sql`stepwise_organisation_of_meeting(${meetingId}::uuid)`);

export const organisationOfParticipantId = (db: Db, participantId: string) =>
  ask(db, sql`stepwise_organisation_of_participant(${participantId}::uuid)`);

/** A participant's session, by the SHA-256 of its cookie (live or not: the scoped read decides that). */
export const organisationOfParticipantSession = (db: Db, tokenHash: Uint8Array) =>
  ask(db, sql`stepwise_organisation_of_participant_session(${bytes(tokenHash)}::bytea)`);

export const organisationOfJoinLink = (db: Db, tokenHash: Uint8Array) =>
  ask(db, sql`stepwise_organisation_of_join_link(${bytes(tokenHash)}::bytea)`);

export const organisationOfCalendarFeed = (db: Db, tokenHash: Uint8Array) =>
  ask(db, sql`stepwise_organisation_of_calendar_feed(${bytes(tokenHash)}::bytea)`);

/** A queued mail's, when it is tied to a participant; null for mail that is nobody's case data (a sign-in link). */
export const organisationOfOutboxMail = (db: Db, mailId: string) => ask(db, sql`stepwise_organisation_of_outbox_mail(${mailId}::uuid)`);
