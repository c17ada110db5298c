import type { AgreementContent } from "../agreements/agreement-content";
import type { FollowUpPlan, NavMeasure, TriedMeasure, WorkTask } from "../plan/follow-up-plan";
import { referralReadiness, type ReferralReadiness } from "../plan/rehab-referral";

/**
 * NAV's follow-up plan as the binding version froze it, for the case page's "what was agreed last
 * time" on a Norwegian case: the work tasks with their judgement and who judged it, the measures
 * with status and period, the measures tried with why not, and whether the documentation NAV
 * needs before occupational rehabilitation was complete in that version. Read from the frozen
 * content only (never the live room), so it says what was signed. Null on a Danish case, and on a
 * Norwegian version that froze no follow-up plan.
 */
export type AgreedNavPlan = {
  workTasks: WorkTask[];
  measures: NavMeasure[];
  tried: TriedMeasure[];
  evaluationDate: string | null;
  referral: ReferralReadiness;
};

export function agreedNavPlan(content: Pick<AgreementContent, "country" | "plan">): AgreedNavPlan | null {
  if (content.country !== "NO") return null;
  const p: FollowUpPlan | undefined = content.plan.followUpPlan;
  if (!p || (p.workTasks.length === 0 && p.measures.length === 0 && p.tried.length === 0)) return null;
  return {
    workTasks: p.workTasks,
    measures: p.measures,
    tried: p.tried,
    evaluationDate: p.facts.evaluationDate,
    referral: referralReadiness(p),
  };
}
