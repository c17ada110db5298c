import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { exportForAuthority } from "@/lib/agreements/export-for-authority";
import { isExportFormat } from "@/lib/agreements/authority-exports";
import { AppError } from "@/lib/errors";

/**
 * GET /api/v1/agreements/<id>/export?format=dk-fastholdelsesplan|no-oppfolgingsplan|no-dialogmote-referat
 * → the version in an authority's format (docs/exports.md): a PDF with `Accept: application/pdf`,
 * else JSON. Permission-checked like the agreement's own PDF (participants of the case with the
 * export permission); built from the version's frozen bytes only.
 */
export const GET = route(
  { auth: "any", on: "agreement", caseData: { recordedBy: "exportForAuthority" } },
  async ({ me, params, request }) => {
    const format = new URL(request.url).searchParams.get("format");
    if (!isExportFormat(format)) throw new AppError("INVALID_INPUT", "format must be one of the documented formats", { format: "enum" });
    const wantsPdf = (request.headers.get("accept") ?? "").toLowerCase().includes("application/pdf");
    const out = await exportForAuthority({ me, agreementId: params.id, format, locale: localeOf(request), as: wantsPdf ? "pdf" : "json" });
    const common = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", Vary: "Accept" };
    if ("pdf" in out) {
      return new Response(Buffer.from(out.pdf), {
        headers: { ...common, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${out.fileName}"` },
      });
    }
    return new Response(JSON.stringify(out.json, null, 2), { headers: { ...common, "Content-Type": "application/json; charset=utf-8" } });
  },
);
