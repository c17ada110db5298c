import { errorResponse } from "@/app/_server/error-response";
import { bundleToJson } from "@/lib/agreements/bundle";
import { exportAgreementBundle } from "@/lib/agreements/export-agreement-bundle";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { principalOf } from "../../_edge";

/**
 * GET /api/agreements/<id>/bundle → the verification file of a sealed version, as a download
 * (participants of the case only); `npm run verify -- <file>` and /verify check it.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForAgreement(principalOf(req), id);
    const { bundle, fileName } = await exportAgreementBundle({ me, agreementId: id });
    return new Response(bundleToJson(bundle), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
