import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { outboxMail } from "../schema";

export type OutboxRow = typeof outboxMail.$inferSelect;
export type OutboxState = OutboxRow["state"];

export async function insertOutboxMail(
  db: Db,
  mail: { to: string; subject: string; body: string; calendar?: string | null; participantId: string | null },
): Promise<string> {
  const [row] = await db
    .insert(outboxMail)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      calendar: mail.calendar ?? null,
      participantId: mail.participantId,
    })
    .returning({ id: outboxMail.id });
  return row!.id;
}

export async function findOutboxMail(db: Db, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outboxMail).where(eq(outboxMail.id, id));
  return row;
}

const stillQueued = (id: string) => and(eq(outboxMail.id, id), eq(outboxMail.state, "queued"));

/** Handed over: `sent`, and the body (it holds a live link) blanked. Only a queued row moves. */
export async function markOutboxSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(outboxMail)
    .set({ state: "sent", sentAt: at, attempts: sql`${outboxMail.attempts} + 1`, body: "", calendar: null })
    .where(stillQueued(id));
}

/** A try failed: counted, and on the last try `failed` with the body blanked. */
export async function recordOutboxFailure(db: Db, id: string, error: string, last: boolean): Promise<void> {
  await db
    .update(outboxMail)
    .set({
      attempts: sql`${outboxMail.attempts} + 1`,
      lastError: error,
      ...(last ? { state: "failed" as const, body: "", calendar: null } : {}),
    })
    .where(stillQueued(id));
}

/** The newest mail's state per participant (their invitation), for the case page. */
export async function newestMailStateOfParticipants(db: Db, participantIds: string[]): Promise<Map<string, OutboxState>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([outboxMail.participantId], { participantId: outboxMail.participantId, state: outboxMail.state })
    .from(outboxMail)
    .where(inArray(outboxMail.participantId, participantIds))
    .orderBy(outboxMail.participantId, desc(outboxMail.createdAt));
  return new Map(rows.map((r) => [r.participantId!, r.state]));
}
