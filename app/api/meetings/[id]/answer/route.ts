import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { answerInvitation } from "@/lib/followup/answer-invitation";

/**
 * POST /api/meetings/<id>/answer { answer: "coming" | "another_time" | "cannot_come", suggestion?,
 * reason? } → the participant's answer to the invitation (a new answer replaces the old one).
 */
export const POST = route(
  // The body is validated in lib (answerInvitation).
  { auth: "any", on: "meeting", body: z.unknown(), caseData: { none: "records the caller's own answer and answers only that" } },
  async ({ me, params, body }) => {
    const answered = await answerInvitation({ me, meetingId: params.id, raw: body });
    return { ...answered, answeredAt: answered.answeredAt.toISOString() };
  },
);
