import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { exportAgreementPdf } from "@/lib/agreements/export-agreement-pdf";
import { publicUrl } from "@/lib/env";

/** GET /api/agreements/<id>/pdf → the printable agreement (participants of the case only). */
export const GET = route(
  { auth: "any", on: "agreement", caseData: { recordedBy: "exportAgreementPdf" } },
  async ({ me, params, request }) => {
    const pdf = await exportAgreementPdf({ me, agreementId: params.id, locale: localeOf(request), baseUrl: publicUrl() });
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${pdf.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
