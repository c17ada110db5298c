import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { serverNow } from "@/lib/time/server-clock";
import { signAgreement } from "@/lib/agreements/sign-agreement";
import { clientOf, json, principalOf, readBody } from "../../_edge";
import { confirmationOf, ZSign } from "../decision-input";

/**
 * POST /api/agreements/<id>/sign → {decision, sealed}. 409 when the fingerprint posted is not
 * this version's, or the version is sealed or replaced; 401 {session: "stale"} when a signature on
 * one's own device comes from a sign-in older than 15 minutes that was not in the meeting's room
 * (the sign-in someone joined the meeting with signs at its end: lib/agreements/signing-presence.ts).
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const actor = await actorForAgreement(principalOf(req), id, serverNow());
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
