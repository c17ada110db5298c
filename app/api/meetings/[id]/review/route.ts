import { errorResponse } from "@/app/_server/error-response";
import { json, principalOf } from "@/app/api/agreements/_edge";
import { actorForMeeting } from "@/lib/agreements/require-agreement-actor";
import { AppError } from "@/lib/errors";
import { getReviewContext } from "@/lib/followup/get-review-context";

/**
 * GET /api/meetings/<id>/review?agreement=<basis id> → what the room needs to review the last
 * binding agreement: its plan as agreed and the progress recorded per sub-goal. Participants of
 * the meeting's case only.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForMeeting(principalOf(req), id);
    const agreementId = new URL(req.url).searchParams.get("agreement");
    if (!agreementId) throw new AppError("INVALID_INPUT", "Name the agreement under review", { agreement: "required" });
    return json(await getReviewContext({ me, agreementId }));
  } catch (e) {
    return errorResponse(e);
  }
}
