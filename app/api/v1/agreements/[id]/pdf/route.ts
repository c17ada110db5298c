import { agreementPdfResponse } from "@/app/_server/agreement-files";
import { apiRoute } from "@/app/_server/api-route";
import { API_OPERATIONS } from "@/lib/api/operations";

/** GET /api/v1/agreements/<id>/pdf → the sealed version as PDF. */
export const GET = apiRoute(API_OPERATIONS.agreementPdf, { recordedBy: "exportAgreementPdf" }, ({ me, params, request }) =>
  agreementPdfResponse({ me, agreementId: params.id, request }),
);
