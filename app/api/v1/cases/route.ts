import { apiRoute } from "@/app/_server/api-route";
import { createCaseByApi } from "@/lib/api/create-case-by-api";
import { listCasesByApi } from "@/lib/api/list-cases-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";

/** POST /api/v1/cases → 201 `{ caseId }`: a case for one of the organisation's caseworkers. */
export const POST = apiRoute(API_OPERATIONS.createCase, { none: "answers only the new case's id" }, ({ caller, body }) =>
  createCaseByApi({ caller, body }),
);

/** GET /api/v1/cases?q=&state=&page= → `{ items, next }`. */
export const GET = apiRoute(API_OPERATIONS.listCases, { recordedBy: "listCasesByApi" }, ({ caller, query, now }) =>
  listCasesByApi({ caller, query, now }),
);
