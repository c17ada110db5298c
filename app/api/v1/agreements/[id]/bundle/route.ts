import { agreementBundleResponse } from "@/app/_server/agreement-files";
import { apiRoute } from "@/app/_server/api-route";
import { API_OPERATIONS } from "@/lib/api/operations";

/** GET /api/v1/agreements/<id>/bundle → the sealed version's verification file. */
export const GET = apiRoute(API_OPERATIONS.agreementBundle, { recordedBy: "exportAgreementBundle" }, ({ me, params }) =>
  agreementBundleResponse({ me, agreementId: params.id }),
);
