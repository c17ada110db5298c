import { apiRoute } from "@/app/_server/api-route";
import { closeCaseByApi } from "@/lib/api/close-case-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";

/** POST /api/v1/cases/<id>/close → `{ caseId, state: "closed", outcome, date }`; 409 when closed already. */
export const POST = apiRoute(API_OPERATIONS.closeCase, { none: "closes the case; answers what the caller sent" }, ({ me, body, now }) =>
  closeCaseByApi({ me, body, now }),
);
