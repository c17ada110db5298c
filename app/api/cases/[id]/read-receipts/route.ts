import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, principalOf, readBody } from "@/app/api/agreements/_edge";
import { caseActor } from "@/app/api/cases/_case-actor";
import { confirmAgreementRead } from "@/lib/followup/confirm-agreement-read";

/** POST /api/cases/<id>/read-receipts { agreementId, fingerprint } → "I have read the binding agreement". */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    const raw = await readBody(req, z.unknown());
    const receipt = await confirmAgreementRead({ me, raw });
    return json({ ...receipt, readAt: receipt.readAt.toISOString() }, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
