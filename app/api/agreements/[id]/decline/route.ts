import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { declineAgreement } from "@/lib/agreements/decline-agreement";
import { serverNow } from "@/lib/time/server-clock";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { clientOf, json, principalOf, readBody } from "../../_edge";
import { confirmationOf, ZDecline } from "../decision-input";

/** POST /api/agreements/<id>/decline {…, reason} → {decision: "declined"}; same identity rules as signing. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const actor = await actorForAgreement(principalOf(req), id, serverNow());
    const input = await readBody(req, ZDecline);
    const result = await declineAgreement({
      actor,
      agreementId: id,
      confirmation: confirmationOf(input),
      reason: input.reason,
      shownHash: input.shownHash,
      client: clientOf(req),
    });
    return json(result, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
