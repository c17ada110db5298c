import type { FollowUpPlan } from "./follow-up-plan";

/** Occupational rehabilitation (arbeidsrettet rehabilitering) lasts at most 12 weeks (seed 003). */
export const REHAB_MAX_WEEKS = 12;

/** What NAV still lacks before it can refer an employed person; each is a catalogue key under `navPlan.referral.missing`. */
export type ReferralGap =
  "noTasks" | "unjudgedTasks" | "noTriedMeasures" | "triedWithoutReason" | "contributionUnanswered" | "notContributedReason";

export type ReferralReadiness = { complete: boolean; gaps: ReferralGap[] };

/**
 * Is the follow-up plan's documentation complete enough for NAV to refer an employed person to
 * occupational rehabilitation? Seed 003: before it starts, NAV must have the follow-up plan in which
 * the employer documents that measures to enable return were tried or evaluated and found
 * impossible. So: the work tasks are there and judged, at least one measure was tried or
 * evaluated, each with why it could not be carried out, and it is said whether the employee took
 * part in the plan (with a reason when not: NAV's API requires one).
 */
export function referralReadiness(plan: FollowUpPlan): ReferralReadiness {
  const gaps: ReferralGap[] = [];
  if (plan.workTasks.length === 0) gaps.push("noTasks");
  else if (plan.workTasks.some((t) => t.judgement === null)) gaps.push("unjudgedTasks");
  if (plan.tried.length === 0) gaps.push("noTriedMeasures");
  else if (plan.tried.some((m) => m.whyNot.trim() === "")) gaps.push("triedWithoutReason");
  if (plan.facts.employeeContributed === null) gaps.push("contributionUnanswered");
  else if (plan.facts.employeeContributed === false && plan.facts.notContributedReason.trim() === "") gaps.push("notContributedReason");
  return { complete: gaps.length === 0, gaps };
}
