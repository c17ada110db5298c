import { route } from "@/app/_server/route-handler";
import { bundleToJson } from "@/lib/agreements/bundle";
import { exportAgreementBundle } from "@/lib/agreements/export-agreement-bundle";

/**
 * GET /api/agreements/<id>/bundle → the verification file of a sealed version, as a download
 * (participants of the case only); `npm run verify -- <file>` and /verify check it.
 */
export const GET = route({ auth: "any", on: "agreement", caseData: { recordedBy: "exportAgreementBundle" } }, async ({ me, params }) => {
  const { bundle, fileName } = await exportAgreementBundle({ me, agreementId: params.id });
  return new Response(bundleToJson(bundle), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
