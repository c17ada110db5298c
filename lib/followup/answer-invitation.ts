import { z } from "zod";
import { getDb } from "@/db/client";
import { upsertInvitationAnswer } from "@/db/queries/invitation-answers";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { invalidInput } from "../input-errors";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { assertCan } from "../permissions";
import { assertCaseOpen } from "../access/assert-case-open";

export const ANSWERS = ["coming", "another_time", "cannot_come"] as const;
export type InvitationAnswer = (typeof ANSWERS)[number];
export const ANSWER_TEXT_MAX = 300;

const text = z
  .string()
  .trim()
  .max(ANSWER_TEXT_MAX, "tooLong")
  .nullish()
  .transform((v) => v || null);

/** Coming; need another time (say when would suit); cannot come (say why — in one's own words). */
export const ZInvitationAnswer = z
  .object({ answer: z.enum(ANSWERS, { message: "required" }), suggestion: text, reason: text })
  .superRefine((v, ctx) => {
    if (v.answer === "another_time" && !v.suggestion) ctx.addIssue({ code: "custom", path: ["suggestion"], message: "required" });
    if (v.answer === "cannot_come" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  })
  .transform((v) => ({
    answer: v.answer,
    suggestion: v.answer === "another_time" ? v.suggestion : null,
    reason: v.answer === "cannot_come" ? v.reason : null,
  }));

export type AnsweredInvitation = {
  meetingId: string;
  answer: InvitationAnswer;
  suggestion: string | null;
  reason: string | null;
  answeredAt: Date;
};

/**
 * A participant answers the invitation to a meeting of their case. A new answer replaces the
 * earlier one; a meeting that is over or cancelled cannot be answered (CONFLICT).
 */
export async function answerInvitation(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  meetingId: string;
  raw: unknown;
  now?: Date;
}): Promise<AnsweredInvitation> {
  const now = input.now ?? new Date();
  if (!isUuid(input.meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const db = await getDb();
  const found = await findMeetingWithCase(db, input.meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  if (found.meeting.caseId !== input.me.caseId) throw new AppError("FORBIDDEN", "not a participant of this meeting");
  assertCan(input.me.role, "view", "meeting");
  await assertCaseOpen(input.me.caseId);
  const parsed = ZInvitationAnswer.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error, "the answer needs another look");
  const m = found.meeting;
  const over = m.startsAt.getTime() + m.durationMinutes * 60_000 < now.getTime();
  if (over || m.status === "cancelled" || m.status === "completed")
    throw new AppError("CONFLICT", "This meeting is over or cancelled", { meeting: "closed" });
  const row = await upsertInvitationAnswer(db, { meetingId: m.id, participantId: input.me.participantId, ...parsed.data, answeredAt: now });
  return {
    meetingId: row.meetingId,
    answer: row.answer as InvitationAnswer,
    suggestion: row.suggestion,
    reason: row.reason,
    answeredAt: row.answeredAt,
  };
}
