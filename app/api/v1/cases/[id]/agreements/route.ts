import { apiRoute } from "@/app/_server/api-route";
import { listAgreementsByApi } from "@/lib/api/list-agreements-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";

/** GET /api/v1/cases/<id>/agreements → `{ items, binding }`. */
export const GET = apiRoute(API_OPERATIONS.listAgreements, { recordedBy: "listAgreementsByApi" }, ({ me }) => listAgreementsByApi({ me }));
