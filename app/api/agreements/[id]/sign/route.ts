import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { signAgreement } from "@/lib/agreements/sign-agreement";
import { clientOf, json, principalOf, readBody } from "../../_edge";
import { confirmationOf, ZSign } from "../decision-input";

/**
 * POST /api/agreements/<id>/sign → {decision, sealed}. 409 when the fingerprint posted is not
 * this version's, or the version is sealed or replaced; 401 {session: "stale"} when a signature on
 * one's own device comes from a sign-in older than 15 minutes.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const actor = await actorForAgreement(principalOf(req), id);
    const input = await readBody(req, ZSign);
    const result = await signAgreement({
      actor,
      agreementId: id,
      confirmation: confirmationOf(input),
      readAndAgreed: input.readAndAgreed,
      shownHash: input.shownHash,
      client: clientOf(req),
    });
    return json(result, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
