import { errorResponse } from "@/app/_server/error-response";
import { exportAgreementPdf } from "@/lib/agreements/export-agreement-pdf";
import { publicUrl } from "@/lib/env";
import { actorForAgreement } from "@/lib/agreements/require-agreement-actor";
import { localeOf, principalOf } from "../../_edge";

/** GET /api/agreements/<id>/pdf → the printable agreement (participants of the case only). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForAgreement(principalOf(req), id);
    const pdf = await exportAgreementPdf({ me, agreementId: id, locale: localeOf(req), baseUrl: publicUrl() });
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${pdf.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
