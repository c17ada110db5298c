import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { json, principalOf } from "@/app/api/agreements/_edge";
import { caseActor } from "@/app/api/cases/_case-actor";
import { removeProgressEntry } from "@/lib/progress/remove-progress-entry";

/** DELETE /api/cases/<id>/progress/<entryId> → removes one's own mistyped entry (others': 403). */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string; entryId: string }> }) {
  try {
    requireSameOrigin(req);
    const { id, entryId } = await ctx.params;
    const { me } = await caseActor(principalOf(req), id);
    await removeProgressEntry({ me, entryId });
    return json({ removed: entryId });
  } catch (e) {
    return errorResponse(e);
  }
}
