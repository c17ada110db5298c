import { recordAccessMerged } from "../audit/record-access-merged";
import type { MyCase } from "./list-my-cases";

/**
 * The caseworker's list of cases was shown: each employee's name, employer and next meeting.
 * One row per case, merged per window (a list is opened again and again), so each employee can
 * see that their case was on a screen, and when (12.7).
 */
export async function recordCaseListShown(input: { cases: MyCase[]; staffUserId: string; name: string }): Promise<void> {
  for (const c of input.cases) {
    await recordAccessMerged({
      // In the team view a team lead sees cases they are not on: logged as the team lead they are.
      who: { kind: "staff", id: input.staffUserId, name: input.name, role: c.myRole ?? "team_lead" },
      caseId: c.id,
      what: "case_list",
      resourceId: c.id,
      purpose: "case_management",
    });
  }
}
