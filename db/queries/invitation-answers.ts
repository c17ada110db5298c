import { asc, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { invitationAnswers } from "../schema";

/** The `invitation_answers` table: a participant's answer to a meeting's invitation. */

export type InvitationAnswerRow = typeof invitationAnswers.$inferSelect;

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
  return db
    .select()
    .from(invitationAnswers)
    .where(inArray(invitationAnswers.meetingId, meetingIds))
    .orderBy(asc(invitationAnswers.answeredAt));
}
