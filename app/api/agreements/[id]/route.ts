import { errorResponse } from "@/app/_server/error-response";
import { getAgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { recordAgreementStatusShown } from "@/lib/audit/record-agreement-status-shown";
import { json, localeOf, principalOf } from "../_edge";

/**
 * GET /api/agreements/<id> → where the version stands: who has signed, declined or not yet, and
 * whether it is binding. Polled by the agreement page; the plan itself is not included. Who
 * declined and why is case data: recorded in the access log, once per viewer per window.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForAgreement(principalOf(req), id);
    const status = await getAgreementForParticipant({ me, agreementId: id, locale: localeOf(req), withDocument: false });
    await recordAgreementStatusShown(me, id);
    return json(status);
  } catch (e) {
    return errorResponse(e);
  }
}
