import { agreementPdfResponse } from "@/app/_server/agreement-files";
import { route } from "@/app/_server/route-handler";

/** GET /api/agreements/<id>/pdf → the printable agreement (participants of the case only). */
export const GET = route({ auth: "any", on: "agreement", caseData: { recordedBy: "exportAgreementPdf" } }, ({ me, params, request }) =>
  agreementPdfResponse({ me, agreementId: params.id, request }),
);
