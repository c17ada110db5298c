import { describe, expect, it } from "vitest";
import { presentWorkCapacity } from "./present-work-capacity";
import { workCapacityOf, type PlanLike } from "./work-capacity";

const task = {
  id: "t1",
  text: "Løfte paller",
  judgement: "adapt" as const,
  adaptations: ["withHelp" as const],
  adaptationNote: "En kollega løfter",
  judgedBy: "doctor" as const,
};
const plan: PlanLike & { mixer: Record<string, number> } = {
  track: "employed",
  goal: "Tilbake i full stilling",
  goalTargetDate: "2026-06-01",
  step: 4,
  subGoals: [
    {
      id: "g1",
      text: "Opp til 60 %",
      due: "2026-03-01",
      activities: [{ id: "a1", text: "Arbeidstrening", who: "Ola", schedule: "3 dager i uken" }],
    },
  ],
  tools: ["partialReturn", "section56"],
  toolDetails: { section56: { status: "in_use", approved: true } },
  hoursRamp: { startsOn: null, steps: [], ordinaryHours: null },
  followUpPlan: { workTasks: [task] },
  mixer: { hours: 2 },
};

describe("workCapacityOf", () => {
  it("keeps the goal, the sub-goals with their activities, partial return and a Norwegian case's work tasks", () => {
    const wc = workCapacityOf(plan, "NO");
    expect(wc.workTasks).toEqual([task]);
    expect(wc.partialReturn).toEqual({ inUse: true, detail: null });
    expect(wc.subGoals[0]!.activities[0]!.text).toBe("Arbeidstrening");
    // An empty ramp is no ramp; the other tools and the mixer desk are not work capacity's.
    expect(wc.hoursRamp).toBeNull();
    expect(JSON.stringify(wc)).not.toMatch(/section56|mixer|approved/);
  });

  it("leaves out the work tasks on a Danish case, and partial return when the plan does not use it", () => {
    const wc = workCapacityOf({ ...plan, tools: { partialReturn: false } }, "DK");
    expect(wc.workTasks).toEqual([]);
    expect(wc.partialReturn).toBeNull();
  });
});

describe("presentWorkCapacity", () => {
  it("writes the parts out in the reader's language with the room's labels", () => {
    const sections = presentWorkCapacity(workCapacityOf({ ...plan, followUpPlan: { workTasks: [task] } }, "NO"), "nb");
    const text = JSON.stringify(sections);
    expect(text).toContain("Gradert sykmelding");
    expect(text).toContain("Løfte paller");
    expect(text).toContain("Arbeidstrening");
  });
});
