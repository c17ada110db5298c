import { apiRoute } from "@/app/_server/api-route";
import { getCaseByApi } from "@/lib/api/get-case-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";

/** GET /api/v1/cases/<id> → the case and its meetings. */
export const GET = apiRoute(API_OPERATIONS.getCase, { recordedBy: "getCaseByApi" }, ({ caller, me }) => getCaseByApi({ caller, me }));
