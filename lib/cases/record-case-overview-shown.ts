import { recordAccess } from "../audit/record-access";
import type { CaseOverview } from "./get-case-overview";

/**
 * The caseworker's case page was rendered: the employee's name, the people and their links were
 * shown. One access-log row, so the employee can see that their caseworker looked, and when.
 */
export async function recordCaseOverviewShown(input: { overview: CaseOverview; staffUserId: string; name: string }): Promise<void> {
  await recordAccess({
    who: { kind: "staff", id: input.staffUserId, name: input.name, role: input.overview.me.role },
    caseId: input.overview.case.id,
    what: "case_overview",
    resourceId: input.overview.case.id,
    purpose: "case_management",
  });
}
