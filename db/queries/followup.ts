import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { agreementReadReceipts, calendarSubscriptions, invitationAnswers, meetings, participants, progressEntries } from "../schema";

/**
 * Follow-up between meetings: progress entries, invitation answers, read receipts of agreements
 * and calendar subscriptions (only token hashes). Named for intent; plain rows out.
 */

export type ProgressEntryRow = typeof progressEntries.$inferSelect;
export type InvitationAnswerRow = typeof invitationAnswers.$inferSelect;
export type ReadReceiptRow = typeof agreementReadReceipts.$inferSelect;
export type CalendarSubscriptionRow = typeof calendarSubscriptions.$inferSelect;
type ParticipantRow = typeof participants.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;

export async function insertProgressEntry(db: Db, input: typeof progressEntries.$inferInsert): Promise<ProgressEntryRow> {
  const [row] = await db.insert(progressEntries).values(input).returning();
  return row!;
}

/** Every progress entry of a case, oldest day first (ties: in the order they were recorded). */
export async function listProgressOfCase(db: Db, caseId: string): Promise<ProgressEntryRow[]> {
  return db
    .select()
    .from(progressEntries)
    .where(eq(progressEntries.caseId, caseId))
    .orderBy(asc(progressEntries.measuredOn), asc(progressEntries.createdAt));
}

export async function findProgressEntry(db: Db, id: string): Promise<ProgressEntryRow | null> {
  const [row] = await db.select().from(progressEntries).where(eq(progressEntries.id, id));
  return row ?? null;
}

export async function deleteProgressEntry(db: Db, id: string): Promise<void> {
  await db.delete(progressEntries).where(eq(progressEntries.id, id));
}

/** One answer per person and meeting: a new answer replaces the earlier one. */
export async function upsertInvitationAnswer(
  db: Db,
  input: { meetingId: string; participantId: string; answer: string; suggestion: string | null; reason: string | null; answeredAt: Date },
): Promise<InvitationAnswerRow> {
  const [row] = await db
    .insert(invitationAnswers)
    .values(input)
    .onConflictDoUpdate({
      target: [invitationAnswers.meetingId, invitationAnswers.participantId],
      set: { answer: input.answer, suggestion: input.suggestion, reason: input.reason, answeredAt: input.answeredAt },
    })
    .returning();
  return row!;
}

export async function listAnswersForMeetings(db: Db, meetingIds: string[]): Promise<InvitationAnswerRow[]> {
  if (meetingIds.length === 0) return [];
  return db.select().from(invitationAnswers).where(inArray(invitationAnswers.meetingId, meetingIds)).orderBy(asc(invitationAnswers.answeredAt));
}

/** The first confirmation of a version is the one kept: reading it again changes nothing. */
export async function insertReadReceipt(
  db: Db,
  input: { agreementId: string; participantId: string; fingerprint: string; readAt: Date },
): Promise<ReadReceiptRow> {
  await db.insert(agreementReadReceipts).values(input).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(agreementReadReceipts)
    .where(and(eq(agreementReadReceipts.agreementId, input.agreementId), eq(agreementReadReceipts.participantId, input.participantId)));
  return row!;
}

export async function listReadReceipts(db: Db, agreementIds: string[]): Promise<ReadReceiptRow[]> {
  if (agreementIds.length === 0) return [];
  return db.select().from(agreementReadReceipts).where(inArray(agreementReadReceipts.agreementId, agreementIds)).orderBy(asc(agreementReadReceipts.readAt));
}

/**
 * A new subscription for a participant; any earlier live one is revoked in the same transaction,
 * so each person has at most one working calendar link.
 */
export async function replaceCalendarSubscription(db: Db, input: { participantId: string; tokenHash: Uint8Array; at: Date }): Promise<CalendarSubscriptionRow> {
  return db.transaction(async (tx) => {
    await tx
      .update(calendarSubscriptions)
      .set({ revokedAt: input.at })
      .where(and(eq(calendarSubscriptions.participantId, input.participantId), isNull(calendarSubscriptions.revokedAt)));
    const [row] = await tx
      .insert(calendarSubscriptions)
      .values({ participantId: input.participantId, tokenHash: Buffer.from(input.tokenHash), createdAt: input.at })
      .returning();
    return row!;
  });
}

/** Revokes the participant's live subscription; returns how many were revoked (0 or 1). */
export async function revokeCalendarSubscriptions(db: Db, participantId: string, at: Date): Promise<number> {
  const rows = await db
    .update(calendarSubscriptions)
    .set({ revokedAt: at })
    .where(and(eq(calendarSubscriptions.participantId, participantId), isNull(calendarSubscriptions.revokedAt)))
    .returning({ id: calendarSubscriptions.id });
  return rows.length;
}

export async function findLiveSubscriptionOf(db: Db, participantId: string): Promise<CalendarSubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(calendarSubscriptions)
    .where(and(eq(calendarSubscriptions.participantId, participantId), isNull(calendarSubscriptions.revokedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * The live subscription behind a token hash with its participant (not removed), or null: an
 * unknown, revoked or orphaned link all look the same. Marks it used.
 */
export async function findSubscriptionForFeed(db: Db, tokenHash: Uint8Array, at: Date): Promise<{ subscription: CalendarSubscriptionRow; participant: ParticipantRow } | null> {
  const rows = await db
    .select({ subscription: calendarSubscriptions, participant: participants })
    .from(calendarSubscriptions)
    .innerJoin(participants, eq(participants.id, calendarSubscriptions.participantId))
    .where(and(eq(calendarSubscriptions.tokenHash, Buffer.from(tokenHash)), isNull(calendarSubscriptions.revokedAt), isNull(participants.removedAt)));
  const r = rows[0];
  if (!r) return null;
  await db.update(calendarSubscriptions).set({ lastUsedAt: at }).where(eq(calendarSubscriptions.id, r.subscription.id));
  return r;
}

export async function listMeetingsOfCase(db: Db, caseId: string): Promise<MeetingRow[]> {
  return db.select().from(meetings).where(eq(meetings.caseId, caseId)).orderBy(asc(meetings.startsAt));
}
