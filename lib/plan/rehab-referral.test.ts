import { describe, expect, it } from "vitest";
import { referralReadiness } from "./rehab-referral";
import { EMPTY_FOLLOW_UP_PLAN, type FollowUpPlan } from "./follow-up-plan";

const complete: FollowUpPlan = {
  workTasks: [{ id: "t", text: "Kasse", judgement: "cannot", adaptations: [], adaptationNote: "", judgedBy: "both" }],
  measures: [],
  tried: [{ id: "m", text: "Annen avdeling", kind: "tried", whyNot: "Ingen ledig stilling" }],
  facts: { evaluationDate: null, employeeContributed: true, notContributedReason: "", shareWithNav: true, shareWithDoctor: true },
};

describe("referralReadiness (occupational rehabilitation needs the employer's documentation)", () => {
  it("is complete with judged tasks, a measure tried with why not, and the employee's part answered", () => {
    expect(referralReadiness(complete)).toEqual({ complete: true, gaps: [] });
  });

  it("names every gap of an empty plan", () => {
    expect(referralReadiness(EMPTY_FOLLOW_UP_PLAN)).toEqual({
      complete: false,
      gaps: ["noTasks", "noTriedMeasures", "contributionUnanswered"],
    });
  });

  it("wants every task judged, every tried measure explained, and a reason when the employee did not take part", () => {
    const gaps = referralReadiness({
      ...complete,
      workTasks: [...complete.workTasks, { ...complete.workTasks[0]!, id: "u", judgement: null }],
      tried: [{ ...complete.tried[0]!, whyNot: "  " }],
      facts: { ...complete.facts, employeeContributed: false },
    }).gaps;
    expect(gaps).toEqual(["unjudgedTasks", "triedWithoutReason", "notContributedReason"]);
  });
});
