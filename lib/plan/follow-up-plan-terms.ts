/**
 * The words of NAV's follow-up plan (oppfølgingsplan, arbeidsmiljøloven §4-6) as fixed lists: the
 * employee's work tasks judged one of three ways, how a task can be adapted, who judged it, and a
 * measure's status. Labels live in the catalogues under `navPlan.*`.
 */

/** kan gjøres / kan gjøres med tilrettelegging / kan ikke gjøres. */
export const TASK_JUDGEMENTS = ["can", "adapt", "cannot"] as const;
export type TaskJudgement = (typeof TASK_JUDGEMENTS)[number];

/** How a task can be done with adaptation (NAV's three: at another place, with more time, with help). */
export const TASK_ADAPTATIONS = ["otherPlace", "moreTime", "withHelp"] as const;
export type TaskAdaptation = (typeof TASK_ADAPTATIONS)[number];

/** Who judged a task: the employee, the manager, both together, or the treating doctor. */
export const TASK_JUDGED_BY = ["employee", "manager", "both", "doctor"] as const;
export type TaskJudgedBy = (typeof TASK_JUDGED_BY)[number];

/** A measure (tiltak): foreslått / avtalt / ikke aktuelt. */
export const MEASURE_STATUSES = ["proposed", "agreed", "not_relevant"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A measure the employer has tried (carried out) or evaluated (considered) before occupational rehabilitation. */
export const TRIED_KINDS = ["tried", "evaluated"] as const;
export type TriedKind = (typeof TRIED_KINDS)[number];

const has =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === "string" && (list as readonly string[]).includes(v);

export const isTaskJudgement = has(TASK_JUDGEMENTS);
export const isTaskAdaptation = has(TASK_ADAPTATIONS);
export const isTaskJudgedBy = has(TASK_JUDGED_BY);
export const isMeasureStatus = has(MEASURE_STATUSES);
export const isTriedKind = has(TRIED_KINDS);
