import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../raw-rows";
import { JOB_SCHEMA } from "../job-schema";
import { caseErasures, outboxMail, participants, users } from "../schema";

/** The `case_erasures` table and the database function that erases a case (migration 0015). */

export type CaseErasureRow = typeof caseErasures.$inferSelect;

/** What the erasure must clean outside the case's own rows: its outbox mail (files, jobs) and addresses. */
export type CaseMailTrail = { outboxIds: string[]; addresses: string[]; participantIds: string[] };

export async function findCaseMailTrail(db: Db, caseId: string): Promise<CaseMailTrail> {
  const people = await db
    .select({ id: participants.id, email: participants.email })
    .from(participants)
    .where(eq(participants.caseId, caseId));
  const participantIds = people.map((p) => p.id);
  const mails =
    participantIds.length === 0
      ? []
      : await db
          .select({ id: outboxMail.id, to: outboxMail.toAddress })
          .from(outboxMail)
          .where(inArray(outboxMail.participantId, participantIds));
  const addresses = new Set<string>();
  for (const p of people) if (p.email) addresses.add(p.email);
  for (const m of mails) addresses.add(m.to);
  // Mail queued without its participant (meeting changes, reminders) is the case's when no one
  // outside the case has its address: a staff member or a participant of another case.
  const heldOutside = await addressesHeldOutside(db, caseId, [...addresses]);
  const own = [...addresses].filter((a) => !heldOutside.has(a));
  const loose =
    own.length === 0
      ? []
      : await db
          .select({ id: outboxMail.id })
          .from(outboxMail)
          .where(and(isNull(outboxMail.participantId), inArray(outboxMail.toAddress, own)));
  return { outboxIds: [...mails.map((m) => m.id), ...loose.map((m) => m.id)], addresses: [...addresses], participantIds };
}

async function addressesHeldOutside(db: Db, caseId: string, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const a = await db
    .select({ email: participants.email })
    .from(participants)
    .where(and(ne(participants.caseId, caseId), inArray(participants.email, addresses)));
  const b = await db.select({ email: users.email }).from(users).where(inArray(users.email, addresses));
  return new Set([...a, ...b].map((r) => r.email).filter((e): e is string => e !== null));
}

/**
 * Runs stepwise_erase_case in `db`'s transaction and the deletion of the delivery jobs of the
 * case's mail (their data is an outbox id only, but a failed job's output may quote the mail
 * server's answer, which can name the address).
 */
export async function eraseCaseRows(
  db: Db,
  input: { caseId: string; reason: string; erasedBy: string; outboxIds: string[] },
): Promise<{ agreements: number; accessLogRows: number }> {
  return db.transaction(async (tx) => {
    if (input.outboxIds.length > 0) {
      const ids = sql`array[${sql.join(
        input.outboxIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::text[]`;
      await tx.execute(sql`delete from ${sql.raw(JOB_SCHEMA)}.job where data->>'outboxId' = any(${ids})`);
      await tx.execute(sql`delete from ${sql.raw(JOB_SCHEMA)}.archive where data->>'outboxId' = any(${ids})`);
    }
    // The case's mail rows without a participant (the others go with their participant).
    if (input.outboxIds.length > 0) await tx.delete(outboxMail).where(inArray(outboxMail.id, input.outboxIds));
    const result = await tx.execute(sql`select stepwise_erase_case(${input.caseId}::uuid, ${input.reason}, ${input.erasedBy}) as done`);
    const [row] = rowsOf<{ done: { agreements: number; accessLogRows: number } }>(result);
    return row!.done;
  });
}

export async function findCaseErasure(db: Db, caseId: string): Promise<CaseErasureRow | null> {
  const [row] = await db.select().from(caseErasures).where(eq(caseErasures.caseId, caseId));
  return row ?? null;
}

/** Which of these addresses someone still in the database has (a participant of another case, a staff user). */
export async function addressesStillHeld(db: Db, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const a = await db.select({ email: participants.email }).from(participants).where(inArray(participants.email, addresses));
  const b = await db.select({ email: users.email }).from(users).where(inArray(users.email, addresses));
  const c = await db.select({ email: outboxMail.toAddress }).from(outboxMail).where(inArray(outboxMail.toAddress, addresses));
  return new Set([...a, ...b, ...c].map((r) => r.email).filter((e): e is string => e !== null));
}
