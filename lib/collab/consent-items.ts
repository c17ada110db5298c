import { MIXER_DIMENSIONS } from "../plan/mixer-desk";
import { PLAN_TOOLS } from "../plan/tools";
import { PLAN_CONSENT_ID, type ConsentKind } from "./flow-schema";
import type { ActionView, FollowUpView, PlanView, SubGoalView } from "./schema";
import type { FollowUpPlan } from "../plan/follow-up-plan";

/**
 * The items of the plan that each participant marks "agree" or "has reservations", in the order
 * the agreement lists them: the goal, the step, each sub-goal, the mixer desk, the law's tools,
 * each action, the follow-up arrangement. `text` is what the mark is given to: a mark made before
 * it changed counts as "changed, mark again" (flow-closing.ts compares hashes of it). For a
 * sub-goal or an action it is the item's text, as before; for a part of the whole plan it is that
 * part written out (the goal and its date; the step; every mixer value; the tools in use; the
 * follow-up texts), so changing the step or a slider asks again. The next meeting's time is not in
 * it: the closing check asks for it on its own, and it is usually set last.
 *
 * On a Norwegian case each item of NAV's follow-up plan is marked too — each work task, measure and
 * measure tried — after the law's tools: what the employer and the employee agree the employee
 * can do, and what will be done, is as much the plan as a sub-goal. Their `text` is the item
 * written out (a task's judgement, by whom and how adapted; a measure's status, period and how; why
 * a tried measure could not be carried out), so changing a judgement asks again; `title` is what
 * the item is called.
 */
export type ConsentItem = { kind: ConsentKind; id: string; text: string; title?: string };

export type ConsentPlan = Pick<PlanView, "goal" | "goalTargetDate" | "step" | "mixer" | "tools"> &
  Partial<Pick<PlanView, "toolDetails" | "hoursRamp" | "followUpPlan">>;

/** The tools' details and the hours ramp, written out: a change to them asks for the tools' marks again (nothing when unused, as before). */
function toolExtras(plan: ConsentPlan): string {
  const details = PLAN_TOOLS.filter((k) => plan.toolDetails?.[k]).map((k) => `${k}:${JSON.stringify(plan.toolDetails![k])}`);
  const ramp =
    plan.hoursRamp && (plan.hoursRamp.steps.length > 0 || plan.hoursRamp.ordinaryHours !== null) ? JSON.stringify(plan.hoursRamp) : "";
  return details.length === 0 && !ramp ? "" : `\n${details.join(";")}\n${ramp}`;
}

export function planPartText(kind: "goal" | "step" | "mixer" | "tools" | "followUp", plan: ConsentPlan, followUp: FollowUpView): string {
  switch (kind) {
    case "goal":
      return `${plan.goal.trim()}\n${plan.goalTargetDate ?? ""}`;
    case "step":
      return `step ${plan.step ?? "-"}`;
    case "mixer":
      return MIXER_DIMENSIONS.map((d) => `${d}=${plan.mixer[d] ?? "-"}`).join(";");
    case "tools":
      return `tools ${PLAN_TOOLS.filter((k) => plan.tools[k] === true).join(",")}${toolExtras(plan)}`;
    case "followUp":
      return `${followUp.howOften.trim()}\n${followUp.jobCentre.trim()}`;
  }
}

/** Each item of NAV's follow-up plan, written out (empty on a Danish case: its lists are empty). */
export function followUpPlanConsentItems(p: FollowUpPlan | undefined): ConsentItem[] {
  if (!p) return [];
  const item = (kind: ConsentKind, id: string, title: string, parts: (string | null)[]): ConsentItem => ({
    kind,
    id,
    title: title.trim(),
    text: [title.trim(), ...parts.map((v) => (v ?? "").trim())].join("\n"),
  });
  return [
    ...p.workTasks.map((w) => item("workTask", w.id, w.text, [w.judgement, w.judgedBy, w.adaptations.join(","), w.adaptationNote])),
    ...p.measures.map((m) => item("navMeasure", m.id, m.text, [m.status, m.from, m.to, m.how])),
    ...p.tried.map((m) => item("triedMeasure", m.id, m.text, [m.kind, m.whyNot])),
  ];
}

export function consentItemsOfPlan(input: {
  plan?: ConsentPlan | null;
  subGoals: readonly SubGoalView[];
  actions: readonly ActionView[];
  followUp?: FollowUpView | null;
}): ConsentItem[] {
  const whole = input.plan && input.followUp ? { plan: input.plan, followUp: input.followUp } : null;
  const part = (kind: "goal" | "step" | "mixer" | "tools" | "followUp"): ConsentItem[] =>
    whole ? [{ kind, id: PLAN_CONSENT_ID, text: planPartText(kind, whole.plan, whole.followUp) }] : [];
  return [
    ...part("goal"),
    ...part("step"),
    ...input.subGoals.map((g) => ({ kind: "subGoal" as const, id: g.id, text: g.text })),
    ...part("mixer"),
    ...part("tools"),
    ...followUpPlanConsentItems(input.plan?.followUpPlan),
    ...input.actions.map((a) => ({ kind: "action" as const, id: a.id, text: a.text })),
    ...part("followUp"),
  ];
}
