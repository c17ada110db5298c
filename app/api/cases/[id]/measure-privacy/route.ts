import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, principalOf, readBody } from "@/app/api/agreements/_edge";
import { caseActor } from "@/app/api/cases/_case-actor";
import { setMeasurePrivacy } from "@/lib/progress/set-measure-privacy";

/**
 * PUT /api/cases/<id>/measure-privacy { subGoalId, health, shared } → 200 with the measure's
 * privacy. The employee decides whether a measure is about their health and whether its values are
 * shared; the caseworker may only mark one as about health (403 otherwise, and for every other
 * role and another case's participant); an unknown sub-goal → 404; a malformed body → 400.
 */
export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    const raw = await readBody(req, z.unknown());
    return json(await setMeasurePrivacy({ me, raw }));
  } catch (e) {
    return errorResponse(e);
  }
}
