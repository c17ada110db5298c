import type { z } from "zod";
import { getDb } from "@/db/client";
import { queryCaseList } from "@/db/queries/case-list";
import type { CaseRow } from "@/db/queries/cases";
import { recordAccessMerged } from "../audit/record-access-merged";
import { isTeamLead } from "../cases/is-team-lead";
import type { ApiCaller } from "./api-caller";
import type { ZApiCaseItem, ZApiCaseList, ZApiCaseListQuery } from "./contract";

export const API_PAGE_SIZE = 50;

/**
 * `GET /api/v1/cases?q=&state=&page=`: a page of the organisation's cases for a system (the team
 * lead's team view) and for a team lead, the cases a caseworker is on for them — the case list's own query
 * (db/queries/case-list.ts: search in name, reference and employer), newest first. Each case
 * listed is an access-log row (merged per window, as the caseworker's own list), naming the caller.
 */
export async function listCasesByApi(input: {
  caller: ApiCaller;
  query: z.output<typeof ZApiCaseListQuery>;
  now: Date;
}): Promise<z.output<typeof ZApiCaseList>> {
  const page = input.query.page ?? 1;
  const { rows, total } = await queryCaseList(
    await getDb(),
    {
      organisationId: input.caller.organisationId,
      // A team lead sees the team's cases, as in their team view; a caseworker, their own.
      scope: input.caller.kind === "system" || isTeamLead(input.caller) ? "team" : { mine: input.caller.userId },
      q: input.query.q || null,
      state: input.query.state ?? null,
      next: null,
      caseworkerId: null,
      onlyIds: null,
      now: input.now,
      weekEnd: input.now,
    },
    { sort: "created", limit: API_PAGE_SIZE, offset: (page - 1) * API_PAGE_SIZE },
  );
  const items = rows.map((r) => caseItemOf(r.case));
  for (const c of items) {
    await recordAccessMerged({
      who: whoOfCaller(input.caller),
      caseId: c.caseId,
      what: "case_list",
      resourceId: c.caseId,
      purpose: "case_management",
    });
  }
  return { items, next: page * API_PAGE_SIZE < total ? page + 1 : null };
}

export function caseItemOf(c: CaseRow): z.output<typeof ZApiCaseItem> {
  return {
    caseId: c.id,
    employeeName: c.employeeName,
    employerName: c.employer,
    reference: c.reference,
    state: c.state,
    track: c.track,
    sickLeaveStart: c.sickLeaveStart,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The caller as the access log names them: the staff member, or the system by its token's name. */
export function whoOfCaller(caller: ApiCaller) {
  return caller.kind === "staff"
    ? { kind: "staff" as const, id: caller.userId, name: caller.name ?? caller.email ?? caller.userId, role: "caseworker" }
    : { kind: "system" as const, id: caller.tokenId, name: caller.name, role: "caseworker" };
}
