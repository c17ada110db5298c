import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { bindAgreement } from "@/lib/agreements/bind-agreement";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { json, principalOf } from "../../_edge";

/**
 * POST /api/agreements/<id>/seal → {sealedAt}: the chair makes a complete agreement binding
 * without waiting for an undecided supporter. 409 while a required signer has not signed.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await actorForAgreement(principalOf(req), id);
    return json(await bindAgreement({ me, agreementId: id }));
  } catch (e) {
    return errorResponse(e);
  }
}
