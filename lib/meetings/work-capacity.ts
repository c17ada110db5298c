import type { CatalogueFacts } from "../plan/activity-catalogue";
import type { WorkTask } from "../plan/follow-up-plan";
import { rampIsEmpty, type HoursRamp } from "../plan/hours-ramp";
import type { ToolDetail } from "../plan/tool-detail";
import type { Country } from "../organisation/country";

/**
 * What a plan says about work capacity, and nothing else: what the treating doctor is shown
 * (docs/permissions.md, "The treating doctor"). Built field by field from a plan — the live one
 * (lib/collab/read-meeting-doc.ts) or a frozen agreement's — so a field added to the plan later
 * reaches the doctor only when it is added here on purpose. Left out: the sub-goals' measures and
 * any recorded value (a measure may be about health: lib/privacy/measure-privacy.ts), the mixer
 * desk, the other tools (§56 and the like are the employer's and the job centre's business),
 * NAV's measures and what the employer tried, the actions, the follow-up texts.
 */
export type WorkCapacity = {
  track: string;
  goal: string;
  goalTargetDate: string | null;
  step: number | null;
  subGoals: {
    id: string;
    text: string;
    due: string | null;
    activities: { id: string; text: string; who: string; schedule: string; catalogue?: CatalogueFacts }[];
  }[];
  /** Partial return (delvis raskmelding / gradert sykmelding): whether the plan uses it, and its period. */
  partialReturn: { inUse: true; detail: Pick<ToolDetail, "status" | "from" | "to" | "note"> | null } | null;
  hoursRamp: HoursRamp | null;
  /** NAV's work tasks with their judgement: a Norwegian case's only (empty elsewhere). */
  workTasks: WorkTask[];
};

/** The parts of a plan this reads: both the live plan and the frozen one have them. */
export type PlanLike = {
  track: string;
  goal: string;
  goalTargetDate: string | null;
  step: number | null;
  subGoals: readonly {
    id: string;
    text: string;
    due: string | null;
    activities: readonly { id: string; text: string; who: string; schedule: string; catalogue?: CatalogueFacts }[];
  }[];
  /** In use: the live plan's map of ticked tools, or the frozen plan's list of them. */
  tools: Partial<Record<string, boolean>> | readonly string[];
  toolDetails?: Partial<Record<string, ToolDetail>>;
  hoursRamp?: HoursRamp;
  followUpPlan?: { workTasks: readonly WorkTask[] };
};

export function workCapacityOf(plan: PlanLike, country: Country): WorkCapacity {
  const usesPartialReturn = Array.isArray(plan.tools)
    ? plan.tools.includes("partialReturn")
    : (plan.tools as Partial<Record<string, boolean>>).partialReturn === true;
  const detail = plan.toolDetails?.partialReturn;
  return {
    track: plan.track,
    goal: plan.goal,
    goalTargetDate: plan.goalTargetDate,
    step: plan.step,
    subGoals: plan.subGoals.map((g) => ({
      id: g.id,
      text: g.text,
      due: g.due,
      activities: g.activities.map((a) => ({
        id: a.id,
        text: a.text,
        who: a.who,
        schedule: a.schedule,
        ...(a.catalogue ? { catalogue: a.catalogue } : {}),
      })),
    })),
    partialReturn: usesPartialReturn
      ? { inUse: true, detail: detail ? { status: detail.status, from: detail.from, to: detail.to, note: detail.note } : null }
      : null,
    hoursRamp: plan.hoursRamp && !rampIsEmpty(plan.hoursRamp) ? plan.hoursRamp : null,
    workTasks: country === "NO" ? (plan.followUpPlan?.workTasks ?? []).map((t) => ({ ...t, adaptations: [...t.adaptations] })) : [],
  };
}
