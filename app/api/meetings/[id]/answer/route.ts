import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, principalOf, readBody } from "@/app/api/agreements/_edge";
import { actorForMeeting } from "@/lib/agreements/require-agreement-actor";
import { answerInvitation } from "@/lib/followup/answer-invitation";

/**
 * POST /api/meetings/<id>/answer { answer: "coming" | "another_time" | "cannot_come", suggestion?,
 * reason? } → the participant's answer to the invitation (a new answer replaces the old one).
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await actorForMeeting(principalOf(req), id);
    const raw = await readBody(req, z.unknown());
    const answered = await answerInvitation({ me, meetingId: id, raw });
    return json({ ...answered, answeredAt: answered.answeredAt.toISOString() });
  } catch (e) {
    return errorResponse(e);
  }
}
