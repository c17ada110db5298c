import type { MeasureStatus, TaskAdaptation, TaskJudgedBy, TaskJudgement, TriedKind } from "./follow-up-plan-terms";

/**
 * NAV's follow-up plan as plain data: what the room shows, what an agreement freezes and what the
 * exports read. The shared document's shape is in lib/collab/doc-schema.ts (`workTasks`,
 * `navMeasures`, `triedMeasures`, `navPlan`).
 */
export type WorkTask = {
  id: string;
  text: string;
  judgement: TaskJudgement | null;
  adaptations: TaskAdaptation[];
  /** How, in words ("sits for part of the shift", "a colleague lifts"). */
  adaptationNote: string;
  judgedBy: TaskJudgedBy | null;
};

export type NavMeasure = {
  id: string;
  text: string;
  status: MeasureStatus;
  from: string | null;
  to: string | null;
  /** How it is carried out. */
  how: string;
};

export type TriedMeasure = {
  id: string;
  text: string;
  kind: TriedKind;
  /** Why it could not be carried out (NAV needs this before occupational rehabilitation). */
  whyNot: string;
};

export type NavPlanFacts = {
  /** When the plan is evaluated (evalueringsdato). */
  evaluationDate: string | null;
  /** Did the employee take part in making the plan? null: not answered. */
  employeeContributed: boolean | null;
  /** Why not, when they did not (NAV's API requires it). */
  notContributedReason: string;
  /** Whether the plan is shared with NAV and with the treating doctor. */
  shareWithNav: boolean;
  shareWithDoctor: boolean;
};

export type FollowUpPlan = {
  workTasks: WorkTask[];
  measures: NavMeasure[];
  tried: TriedMeasure[];
  facts: NavPlanFacts;
};

export const EMPTY_NAV_FACTS: NavPlanFacts = {
  evaluationDate: null,
  employeeContributed: null,
  notContributedReason: "",
  shareWithNav: false,
  shareWithDoctor: false,
};

export const EMPTY_FOLLOW_UP_PLAN: FollowUpPlan = { workTasks: [], measures: [], tried: [], facts: EMPTY_NAV_FACTS };
