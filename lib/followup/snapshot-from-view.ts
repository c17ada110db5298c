import type { MeetingDocView } from "../collab/schema";
import type { PlanSnapshot } from "./plan-diff";

/**
 * The live shared document's plan in the frozen agreement's shape, so the room can show what has
 * changed since the binding agreement while the meeting adjusts it (the same mapping as
 * lib/agreements/build-agreement-document.ts; action owners by name).
 */
export function snapshotFromView(
  view: Pick<MeetingDocView, "plan" | "actions" | "followUp">,
  people: ReadonlyMap<string, { name: string; role: string }>,
): PlanSnapshot {
  const { plan } = view;
  return {
    plan: {
      track: plan.track,
      goal: plan.goal,
      goalTargetDate: plan.goalTargetDate,
      step: plan.step,
      subGoals: plan.subGoals.map((g) => ({
        id: g.id,
        text: g.text,
        due: g.due,
        measure: { ...g.measure },
        activities: g.activities.map((a) => ({ id: a.id, text: a.text, who: a.who, schedule: a.schedule })),
      })),
      mixer: Object.fromEntries(Object.entries(plan.mixer).filter(([, v]) => typeof v === "number")) as Record<string, number>,
      tools: Object.entries(plan.tools)
        .filter(([, on]) => on === true)
        .map(([k]) => k),
    },
    actions: view.actions.map((a) => {
      const owner = a.ownerId ? people.get(a.ownerId) : undefined;
      return {
        id: a.id,
        text: a.text,
        owner: a.ownerId && owner ? { participantId: a.ownerId, ...owner } : null,
        due: a.due,
        status: a.status,
      };
    }),
    followUp: { ...view.followUp },
  };
}
