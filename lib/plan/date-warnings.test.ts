import { describe, expect, it } from "vitest";
import { planDateWarnings, warningsFor } from "./date-warnings";

describe("planDateWarnings", () => {
  const plan = {
    goalTargetDate: "2026-05-01",
    subGoals: [
      { id: "g1", text: "Walk an hour a day", due: "2026-02-01" },
      { id: "g2", text: "15 hours a week", due: "2026-06-15" },
    ],
  };
  const actions = [
    { id: "a1", text: "Order a standing desk", due: "2026-02-20" },
    { id: "a2", text: "Call the doctor", due: "2026-03-10" },
  ];

  it("issue 13.2: warns of an action's or sub-goal's date before the meeting's date, and of a target date before a sub-goal's date", () => {
    const w = planDateWarnings({ meetingDate: "2026-03-02", plan, actions });
    expect(w).toEqual([
      {
        kind: "beforeMeeting",
        field: "subGoal.due",
        itemId: "g1",
        text: "Walk an hour a day",
        date: "2026-02-01",
        meetingDate: "2026-03-02",
      },
      {
        kind: "beforeMeeting",
        field: "action.due",
        itemId: "a1",
        text: "Order a standing desk",
        date: "2026-02-20",
        meetingDate: "2026-03-02",
      },
      {
        kind: "targetBeforeSubGoal",
        field: "goalTargetDate",
        itemId: "g2",
        text: "15 hours a week",
        date: "2026-05-01",
        subGoalDate: "2026-06-15",
      },
    ]);
    expect(warningsFor(w, "action.due", "a1")).toHaveLength(1);
    expect(warningsFor(w, "action.due", "a2")).toHaveLength(0);
    expect(warningsFor(w, "goalTargetDate", null)).toHaveLength(1);
  });

  it("says nothing of dates on or after the meeting's day, or of missing dates", () => {
    expect(
      planDateWarnings({
        meetingDate: "2026-02-01",
        plan: { goalTargetDate: null, subGoals: [{ id: "g", text: "", due: "2026-02-01" }] },
        actions: [{ id: "a", text: "", due: null }],
      }),
    ).toEqual([]);
  });
});
