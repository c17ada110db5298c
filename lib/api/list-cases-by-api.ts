import type { z } from "zod";
import { getDb } from "@/db/client";
import { searchCasesPage, type CaseRow } from "@/db/queries/cases";
import { recordAccessMerged } from "../audit/record-access-merged";
import type { ApiCaller } from "./api-caller";
import type { ZApiCaseItem, ZApiCaseList, ZApiCaseListQuery } from "./contract";

export const API_PAGE_SIZE = 50;

/**
 * `GET /api/v1/cases?q=&state=&page=`: a page of the organisation's cases for a system; the
 * cases a staff member is on for them. Each case listed is an access-log row (merged per window,
 * as the caseworker's own list), so the employee sees that their case was read, and by whom.
 */
export async function listCasesByApi(input: {
  caller: ApiCaller;
  query: z.output<typeof ZApiCaseListQuery>;
}): Promise<z.output<typeof ZApiCaseList>> {
  const page = input.query.page ?? 1;
  const rows = await searchCasesPage(await getDb(), {
    organisationId: input.caller.organisationId,
    participantUserId: input.caller.kind === "staff" ? input.caller.userId : undefined,
    q: input.query.q || undefined,
    limit: API_PAGE_SIZE,
    offset: (page - 1) * API_PAGE_SIZE,
  });
  const items = rows.slice(0, API_PAGE_SIZE).map(caseItemOf);
  for (const c of items) {
    await recordAccessMerged({
      who: whoOfCaller(input.caller),
      caseId: c.caseId,
      what: "case_list",
      resourceId: c.caseId,
      purpose: "case_management",
    });
  }
  return { items, next: rows.length > API_PAGE_SIZE ? page + 1 : null };
}

export function caseItemOf(c: CaseRow): z.output<typeof ZApiCaseItem> {
  return {
    caseId: c.id,
    employeeName: c.employeeName,
    employerName: c.employer,
    reference: null,
    state: "open",
    track: c.track,
    sickLeaveStart: null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The caller as the access log names them: the staff member, or the system by its token's name. */
export function whoOfCaller(caller: ApiCaller) {
  return caller.kind === "staff"
    ? { kind: "staff" as const, id: caller.userId, name: caller.name ?? caller.email ?? caller.userId, role: "caseworker" }
    : { kind: "system" as const, id: caller.tokenId, name: caller.name, role: "caseworker" };
}
