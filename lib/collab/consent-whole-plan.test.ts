import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAction } from "./actions";
import { addSubGoal, setSubGoalDue } from "./sub-goals";
import { setNextMeetingAt } from "./follow-up";
import { setGoalTargetDate, setMixer, setStep, setTool } from "./plan";
import { readMeetingDoc } from "./read-meeting-doc";
import { setPhase } from "./meeting-flow";
import { setConsent } from "./flow-consent";
import { markSeen, readFlow } from "./flow-read";
import { closingCheck } from "./flow-closing";
import { consentKey } from "./flow-schema";

const CW = "11111111-1111-4111-8111-111111111111";
const EMP = "22222222-2222-4222-8222-222222222222";
const MGR = "33333333-3333-4333-8333-333333333333";
const PEOPLE = [
  { id: CW, role: "caseworker" as const },
  { id: EMP, role: "employee" as const },
  { id: MGR, role: "manager" as const },
];
const at = (by: string, ms: number) => ({ by, at: ms });

function meeting() {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  addSubGoal(doc, { text: "15 hours a week within 4 weeks" });
  addAction(doc, { text: "Agree working hours" });
  setStep(doc, 3);
  setMixer(doc, "hours", 2);
  setTool(doc, "internship", true);
  setNextMeetingAt(doc, "2030-01-10T10:00");
  setPhase(doc, "opening", at(CW, 100));
  for (const p of [CW, EMP, MGR]) markSeen(doc, p, 150);
  return doc;
}

function check(doc: Y.Doc, meetingDate: string | null = null) {
  const v = readMeetingDoc(doc);
  return closingCheck({
    actions: v.actions,
    subGoals: v.plan.subGoals,
    nextMeetingAt: v.followUp.nextMeetingAt,
    flow: readFlow(doc),
    participants: PEOPLE,
    plan: v.plan,
    followUp: v.followUp,
    meetingDate,
  });
}

function agreeToEverything(doc: Y.Doc, people: string[], ms: number) {
  for (const item of check(doc).items) {
    for (const p of people)
      setConsent(doc, { kind: item.kind, itemId: item.id, participantId: p, value: "agree", itemText: item.text }, at(p, ms));
  }
}

describe("consent for the whole plan", () => {
  it("issue 13.2: the goal, the step, the mixer desk, the law's tools and the follow-up are marked too, not only sub-goals and actions", () => {
    const doc = meeting();
    const c = check(doc);
    expect(c.items.map((i) => i.kind)).toEqual(["goal", "step", "subGoal", "mixer", "tools", "action", "followUp"]);
    expect(c.missing).toHaveLength(7 * 3);
    agreeToEverything(doc, [CW, EMP, MGR], 200);
    expect(check(doc).ready).toBe(true);
  });

  it("asks again when a part of the plan changes after people agreed (the step, a slider, a tool), not when the next meeting is set", () => {
    const doc = meeting();
    agreeToEverything(doc, [CW, EMP, MGR], 200);
    setStep(doc, 4);
    let c = check(doc);
    expect(c.ready).toBe(false);
    expect(new Set(c.missing.map((m) => m.item.kind))).toEqual(new Set(["step"]));
    expect(c.missing.every((m) => m.changed)).toBe(true);
    agreeToEverything(doc, [CW, EMP, MGR], 300);
    setMixer(doc, "hours", 3);
    setTool(doc, "mentor", true);
    setNextMeetingAt(doc, "2030-01-17T10:00");
    c = check(doc);
    expect(new Set(c.missing.map((m) => m.item.kind))).toEqual(new Set(["mixer", "tools"]));
  });

  it("issue 13.2: switching from 'has reservations' to 'agree' clears the comment from the board, and the history keeps it", () => {
    const doc = meeting();
    const step = check(doc).items.find((i) => i.kind === "step")!;
    setConsent(
      doc,
      { kind: "step", itemId: step.id, participantId: MGR, value: "reservations", comment: "Too early for step 3", itemText: step.text },
      at(MGR, 300),
    );
    expect(check(doc).reservations).toEqual([{ item: step, participantId: MGR, comment: "Too early for step 3" }]);
    setConsent(
      doc,
      { kind: "step", itemId: step.id, participantId: MGR, value: "agree", comment: "Too early for step 3", itemText: step.text },
      at(CW, 400),
    );
    const entry = readFlow(doc).consent[consentKey("step", step.id, MGR)]!;
    expect(entry).toMatchObject({ value: "agree", comment: "", by: CW, at: 400 });
    expect(entry.history).toEqual([{ value: "reservations", comment: "Too early for step 3", at: 300, by: MGR }]);
    const c = check(doc);
    expect(c.reservations).toEqual([]);
    expect(c.perItem.find((p) => p.item.kind === "step")!.comments).toEqual({});
  });
});

describe("dates in the closing check", () => {
  it("issue 13.2: lists a due date before the meeting's date and a target date before a sub-goal's date", () => {
    const doc = meeting();
    const v = readMeetingDoc(doc);
    setSubGoalDue(doc, v.plan.subGoals[0]!.id, "2030-02-01");
    setGoalTargetDate(doc, "2030-01-20");
    const c = check(doc, "2030-01-05");
    expect(c.dateWarnings.map((w) => [w.kind, w.field])).toEqual([["targetBeforeSubGoal", "goalTargetDate"]]);
    setSubGoalDue(doc, v.plan.subGoals[0]!.id, "2029-12-24");
    expect(check(doc, "2030-01-05").dateWarnings.map((w) => [w.kind, w.field])).toEqual([["beforeMeeting", "subGoal.due"]]);
  });
});
