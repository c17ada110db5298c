import type { FrozenAction, FrozenPlan } from "../agreements/frozen-document";
import { MIXER_DIMENSIONS } from "../plan/mixer-desk";
import { PLAN_TOOLS } from "../plan/tools";
import type { FrozenFollowUp } from "../agreements/frozen-document";

/**
 * What changed between two plans (two agreement versions, or the binding agreement and the live
 * draft in a follow-up meeting), as plain data. Items are matched by id — a follow-up meeting
 * keeps the agreement's ids — so a reworded action is "reworded", not "removed + added".
 * Reversing the arguments gives the same fields with `from` and `to` swapped (added ↔ removed).
 * describe-changes.ts turns this into sentences in each language.
 */
export type PlanSnapshot = { plan: FrozenPlan; actions: FrozenAction[]; followUp: FrozenFollowUp };

export type ChangeField =
  | "step"
  | "mixer"
  | "goal"
  | "goalTargetDate"
  | "subGoal"
  | "subGoal.text"
  | "subGoal.due"
  | "measure.label"
  | "measure.unit"
  | "measure.from"
  | "measure.target"
  | "activity"
  | "activity.text"
  | "activity.who"
  | "activity.schedule"
  | "tool"
  | "action"
  | "action.text"
  | "action.owner"
  | "action.due"
  | "action.status"
  | "followUp.howOften"
  | "followUp.jobCentre"
  | "followUp.nextMeetingAt";

export type Value = string | number | null;

export type PlanChange = {
  field: ChangeField;
  /**
   * What the change is about, as people know it: the mixer dimension key, the sub-goal's text, the
   * measure's label, the action's text … (null for plan-wide fields).
   */
  subject: string | null;
  /** For list items (sub-goal, activity, tool, action): null = added; for fields: the old value. */
  from: Value;
  /** For list items: null = removed; for fields: the new value. */
  to: Value;
};

const emptyToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

function field(out: PlanChange[], f: ChangeField, subject: string | null, from: Value, to: Value): void {
  const a = typeof from === "string" ? emptyToNull(from) : from;
  const b = typeof to === "string" ? emptyToNull(to) : to;
  if (a !== b) out.push({ field: f, subject, from: a, to: b });
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Items of `a` and `b` in a stable order: `b`'s order, then those only in `a` where they were. */
function union<T extends { id: string }>(a: readonly T[], b: readonly T[]): { before: T | undefined; after: T | undefined }[] {
  const inA = byId(a);
  const inB = byId(b);
  const ids = [...b.map((x) => x.id), ...a.map((x) => x.id).filter((id) => !inB.has(id))];
  return ids.map((id) => ({ before: inA.get(id), after: inB.get(id) }));
}

const label = (text: string) => text.trim() || "…";

export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const out: PlanChange[] = [];
  const p = before.plan;
  const q = after.plan;

  field(out, "step", null, p.step, q.step);
  for (const d of MIXER_DIMENSIONS) field(out, "mixer", d, p.mixer[d] ?? null, q.mixer[d] ?? null);
  field(out, "goal", null, p.goal, q.goal);
  field(out, "goalTargetDate", null, p.goalTargetDate, q.goalTargetDate);

  for (const { before: g, after: h } of union(p.subGoals, q.subGoals)) {
    if (!g || !h) {
      const only = (g ?? h)!;
      out.push({ field: "subGoal", subject: null, from: g ? label(g.text) : null, to: h ? label(h.text) : null });
      for (const a of only.activities)
        out.push({ field: "activity", subject: label(only.text), from: g ? label(a.text) : null, to: h ? label(a.text) : null });
      continue;
    }
    const subject = label(h.text);
    field(out, "subGoal.text", null, g.text, h.text);
    field(out, "subGoal.due", subject, g.due, h.due);
    field(out, "measure.label", subject, g.measure.label, h.measure.label);
    field(out, "measure.unit", subject, g.measure.unit, h.measure.unit);
    const measure = h.measure.label.trim() || g.measure.label.trim() || subject;
    field(out, "measure.from", measure, g.measure.from, h.measure.from);
    field(out, "measure.target", measure, g.measure.target, h.measure.target);
    for (const { before: a, after: b } of union(g.activities, h.activities)) {
      if (!a || !b) {
        out.push({ field: "activity", subject, from: a ? label(a.text) : null, to: b ? label(b.text) : null });
        continue;
      }
      const act = label(b.text);
      field(out, "activity.text", subject, a.text, b.text);
      field(out, "activity.who", act, a.who, b.who);
      field(out, "activity.schedule", act, a.schedule, b.schedule);
    }
  }

  for (const tool of PLAN_TOOLS) {
    const had = p.tools.includes(tool);
    const has = q.tools.includes(tool);
    if (had !== has) out.push({ field: "tool", subject: null, from: had ? tool : null, to: has ? tool : null });
  }

  for (const { before: a, after: b } of union(before.actions, after.actions)) {
    if (!a || !b) {
      out.push({ field: "action", subject: null, from: a ? label(a.text) : null, to: b ? label(b.text) : null });
      continue;
    }
    const subject = label(b.text);
    field(out, "action.text", null, a.text, b.text);
    field(out, "action.owner", subject, a.owner?.name ?? null, b.owner?.name ?? null);
    field(out, "action.due", subject, a.due, b.due);
    field(out, "action.status", subject, a.status, b.status);
  }

  field(out, "followUp.howOften", null, before.followUp.howOften, after.followUp.howOften);
  field(out, "followUp.jobCentre", null, before.followUp.jobCentre, after.followUp.jobCentre);
  field(out, "followUp.nextMeetingAt", null, before.followUp.nextMeetingAt, after.followUp.nextMeetingAt);
  return out;
}
