import { route } from "@/app/_server/route-handler";
import { AppError } from "@/lib/errors";
import { getReviewContext } from "@/lib/followup/get-review-context";

/**
 * GET /api/meetings/<id>/review?agreement=<basis id> → what the room needs to review the last
 * binding agreement: its plan as agreed and the progress recorded per sub-goal. Participants of
 * the meeting's case only.
 */
export const GET = route({ auth: "any", on: "meeting", caseData: { recordedBy: "getReviewContext" } }, async ({ me, request }) => {
  const agreementId = new URL(request.url).searchParams.get("agreement");
  if (!agreementId) throw new AppError("INVALID_INPUT", "Name the agreement under review", { agreement: "required" });
  return getReviewContext({ me, agreementId });
});
