import type { Me } from "@/lib/access/actor";
import { bundleToJson } from "@/lib/agreements/bundle";
import { exportAgreementBundle } from "@/lib/agreements/export-agreement-bundle";
import { exportAgreementPdf } from "@/lib/agreements/export-agreement-pdf";
import { publicUrl } from "@/lib/env";
import { localeOf } from "./request";

/**
 * A sealed agreement version as a file answer — the PDF (inline) and the verification file (a
 * download) — for the participants' routes (/api/agreements/<id>/…) and the API's
 * (/api/v1/agreements/<id>/…) alike. The use-cases authorise and record the access.
 */
export async function agreementPdfResponse(input: { me: Me; agreementId: string; request: Request }): Promise<Response> {
  const pdf = await exportAgreementPdf({
    me: input.me,
    agreementId: input.agreementId,
    locale: localeOf(input.request),
    baseUrl: publicUrl(),
  });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function agreementBundleResponse(input: { me: Me; agreementId: string }): Promise<Response> {
  const { bundle, fileName } = await exportAgreementBundle({ me: input.me, agreementId: input.agreementId });
  return new Response(bundleToJson(bundle), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
