import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, principalOf, readBody } from "@/app/api/agreements/_edge";
import { caseActor } from "@/app/api/cases/_case-actor";
import { recordProgress } from "@/lib/progress/record-progress";

/**
 * POST /api/cases/<id>/progress { subGoalId, date, value, note? } → 201 with the entry. The
 * employee and the manager of the case only (403 for other roles and other cases); a value
 * outside the measure's range, a date in the future … → 400 with the field's code.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    const raw = await readBody(req, z.unknown());
    return json(await recordProgress({ me, raw }), 201);
  } catch (e) {
    return errorResponse(e);
  }
}
