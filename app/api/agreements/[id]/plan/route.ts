import { errorResponse } from "@/app/_server/error-response";
import { getFrozenPlan } from "@/lib/followup/plan-drift";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { json, principalOf } from "../../_edge";

/**
 * GET /api/agreements/<id>/plan → the version's frozen plan, actions and follow-up (language-free
 * data), so the meeting room can show live what has changed since it was frozen for signing.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForAgreement(principalOf(req), id);
    return json(await getFrozenPlan({ me, agreementId: id }));
  } catch (e) {
    return errorResponse(e);
  }
}
