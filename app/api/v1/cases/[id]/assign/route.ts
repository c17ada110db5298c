import { apiRoute } from "@/app/_server/api-route";
import { assignCaseByApi } from "@/lib/api/assign-case-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";

/** POST /api/v1/cases/<id>/assign `{ caseworkerEmail }` → `{ caseId, caseworkerEmail }`: a team lead hands the case over. */
export const POST = apiRoute(
  API_OPERATIONS.assignCase,
  { none: "answers the case's id and the new caseworker's address the caller sent" },
  ({ caller, params, body, now }) => assignCaseByApi({ caller, caseId: params.id, body, now }),
);
