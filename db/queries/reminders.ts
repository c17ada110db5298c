import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { cases, participantLanguages, reminderUnsubscribes, remindersSent } from "../schema";
import type { CaseRow } from "./cases";

/**
 * Claim a reminder: true when this call recorded it (send it now), false when it was already sent
 * (the primary key makes two scans at once claim it once).
 */
export async function claimReminder(
  db: Db,
  r: { participantId: string; kind: string; subject: string; occasion: string },
): Promise<boolean> {
  const rows = await db.insert(remindersSent).values(r).onConflictDoNothing().returning({ kind: remindersSent.kind });
  return rows.length > 0;
}

/** Give a claim back (its mail could not be queued), so the next scan tries again. */
export async function releaseReminder(
  db: Db,
  r: { participantId: string; kind: string; subject: string; occasion: string },
): Promise<void> {
  await db
    .delete(remindersSent)
    .where(
      and(
        eq(remindersSent.participantId, r.participantId),
        eq(remindersSent.kind, r.kind),
        eq(remindersSent.subject, r.subject),
        eq(remindersSent.occasion, r.occasion),
      ),
    );
}

export async function setReminderOutbox(
  db: Db,
  r: { participantId: string; kind: string; subject: string; occasion: string },
  outboxId: string,
): Promise<void> {
  await db
    .update(remindersSent)
    .set({ outboxId })
    .where(
      and(
        eq(remindersSent.participantId, r.participantId),
        eq(remindersSent.kind, r.kind),
        eq(remindersSent.subject, r.subject),
        eq(remindersSent.occasion, r.occasion),
      ),
    );
}

export async function countRemindersSent(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(remindersSent)
    .where(eq(remindersSent.participantId, participantId));
  return Number(row?.n ?? 0);
}

export async function insertReminderUnsubscribe(db: Db, participantId: string, kind: string): Promise<void> {
  await db.insert(reminderUnsubscribes).values({ participantId, kind }).onConflictDoNothing();
}

/** The kinds this participant has unsubscribed from. */
export async function listReminderUnsubscribes(db: Db, participantId: string): Promise<string[]> {
  const rows = await db
    .select({ kind: reminderUnsubscribes.kind })
    .from(reminderUnsubscribes)
    .where(eq(reminderUnsubscribes.participantId, participantId));
  return rows.map((r) => r.kind);
}

export async function upsertParticipantLanguage(db: Db, participantId: string, locale: string): Promise<void> {
  await db
    .insert(participantLanguages)
    .values({ participantId, locale })
    .onConflictDoUpdate({ target: participantLanguages.participantId, set: { locale, updatedAt: new Date() } });
}

/** The browser's language when the person first opens their link; a language they chose stays. */
export async function insertParticipantLanguageIfAbsent(db: Db, participantId: string, locale: string): Promise<void> {
  await db.insert(participantLanguages).values({ participantId, locale }).onConflictDoNothing();
}

export async function findParticipantLanguage(db: Db, participantId: string): Promise<string | null> {
  const [row] = await db
    .select({ locale: participantLanguages.locale })
    .from(participantLanguages)
    .where(eq(participantLanguages.participantId, participantId));
  return row?.locale ?? null;
}

/** Every case, oldest first: the reminder scan looks at each (a closed case has nothing due). */
export async function listCasesToRemind(db: Db): Promise<CaseRow[]> {
  return db.select().from(cases).orderBy(cases.createdAt);
}
