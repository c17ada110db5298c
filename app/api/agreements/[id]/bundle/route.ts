import { agreementBundleResponse } from "@/app/_server/agreement-files";
import { route } from "@/app/_server/route-handler";

/**
 * GET /api/agreements/<id>/bundle → the verification file of a sealed version, as a download
 * (participants of the case only); `npm run verify -- <file>` and /verify check it.
 */
export const GET = route({ auth: "any", on: "agreement", caseData: { recordedBy: "exportAgreementBundle" } }, ({ me, params }) =>
  agreementBundleResponse({ me, agreementId: params.id }),
);
