import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAction } from "./actions";
import { setNextMeetingAt } from "./follow-up";
import { setStep } from "./plan";
import { readMeetingDoc } from "./read-meeting-doc";
import { setPhase } from "./meeting-flow";
import { setConsent } from "./flow-consent";
import { markSeen, readFlow } from "./flow-read";
import { closingCheck } from "./flow-closing";
import { consentItemsOfPlan } from "./consent-items";
import { addNavMeasure, addTriedMeasure, addWorkTask, setNavMeasureStatus, setTaskJudgement } from "./follow-up-plan";

const CW = "11111111-1111-4111-8111-111111111111";
const EMP = "22222222-2222-4222-8222-222222222222";
const MGR = "33333333-3333-4333-8333-333333333333";
const PEOPLE = [
  { id: CW, role: "caseworker" as const },
  { id: EMP, role: "employee" as const },
  { id: MGR, role: "manager" as const },
];
const at = (by: string, ms: number) => ({ by, at: ms });

/** A Norwegian meeting: one of each item of NAV's follow-up plan, one action, the next meeting set. */
function navMeeting() {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  setStep(doc, 4);
  const task = addWorkTask(doc, { text: "Varemottak", judgement: "adapt", adaptations: ["withHelp"], judgedBy: "both" });
  const measure = addNavMeasure(doc, { text: "Hev-senk-kasse", status: "proposed", from: "2030-01-07" });
  const tried = addTriedMeasure(doc, { text: "Lageret i to uker", whyNot: "De samme løftene" });
  addAction(doc, { text: "Søke tilretteleggingstilskudd" });
  setNextMeetingAt(doc, "2030-02-10T10:00");
  setPhase(doc, "opening", at(CW, 100));
  for (const p of [CW, EMP, MGR]) markSeen(doc, p, 150);
  return { doc, task, measure, tried };
}

function check(doc: Y.Doc) {
  const v = readMeetingDoc(doc);
  return closingCheck({
    actions: v.actions,
    subGoals: v.plan.subGoals,
    nextMeetingAt: v.followUp.nextMeetingAt,
    flow: readFlow(doc),
    participants: PEOPLE,
    plan: v.plan,
    followUp: v.followUp,
  });
}

function agreeToEverything(doc: Y.Doc, ms: number) {
  for (const item of check(doc).items) {
    for (const p of [CW, EMP, MGR])
      setConsent(doc, { kind: item.kind, itemId: item.id, participantId: p, value: "agree", itemText: item.text }, at(p, ms));
  }
}

describe("consent marks on NAV's follow-up plan", () => {
  it("issue 17: each work task, measure and measure tried is an item of its own, after the law's tools and before the actions", () => {
    const { doc, task, measure, tried } = navMeeting();
    const c = check(doc);
    expect(c.items.map((i) => i.kind)).toEqual([
      "goal",
      "step",
      "mixer",
      "tools",
      "workTask",
      "navMeasure",
      "triedMeasure",
      "action",
      "followUp",
    ]);
    expect(c.items.filter((i) => i.title !== undefined).map((i) => [i.id, i.title])).toEqual([
      [task, "Varemottak"],
      [measure, "Hev-senk-kasse"],
      [tried, "Lageret i to uker"],
    ]);
  });

  it("the closing check is not ready until everyone has marked them, and is once they have", () => {
    const { doc, measure } = navMeeting();
    const v = readMeetingDoc(doc);
    // Everything but the NAV plan's items marked: still not ready, and the missing marks are exactly those.
    const others = consentItemsOfPlan({
      plan: { ...v.plan, followUpPlan: undefined },
      subGoals: [],
      actions: v.actions,
      followUp: v.followUp,
    });
    for (const item of others)
      for (const p of [CW, EMP, MGR])
        setConsent(doc, { kind: item.kind, itemId: item.id, participantId: p, value: "agree", itemText: item.text }, at(p, 200));
    let c = check(doc);
    expect(c.ready).toBe(false);
    expect(new Set(c.missing.map((m) => m.item.kind))).toEqual(new Set(["workTask", "navMeasure", "triedMeasure"]));
    expect(c.missing).toHaveLength(3 * 3);
    agreeToEverything(doc, 300);
    c = check(doc);
    expect(c.ready).toBe(true);
    expect(c.perItem.find((p) => p.item.id === measure)!.states).toEqual({ [CW]: "agree", [EMP]: "agree", [MGR]: "agree" });
  });

  it("a reservation on a measure holds the closing back, with its comment", () => {
    const { doc, measure } = navMeeting();
    agreeToEverything(doc, 200);
    const item = check(doc).items.find((i) => i.kind === "navMeasure")!;
    setConsent(
      doc,
      { kind: "navMeasure", itemId: measure, participantId: MGR, value: "reservations", comment: "Budsjettet først", itemText: item.text },
      at(MGR, 300),
    );
    const c = check(doc);
    expect(c.ready).toBe(false);
    expect(c.reservations).toEqual([{ item, participantId: MGR, comment: "Budsjettet først" }]);
  });

  it("asks again when a task's judgement or a measure's status changes after people agreed", () => {
    const { doc, task, measure } = navMeeting();
    agreeToEverything(doc, 200);
    setTaskJudgement(doc, task, "can");
    setNavMeasureStatus(doc, measure, "agreed");
    const c = check(doc);
    expect(c.ready).toBe(false);
    expect(c.missing.every((m) => m.changed)).toBe(true);
    expect(new Set(c.missing.map((m) => m.item.id))).toEqual(new Set([task, measure]));
  });

  it("a Danish plan (no NAV items) has none of these items", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    addAction(doc, { text: "Agree working hours" });
    expect(check(doc).items.some((i) => ["workTask", "navMeasure", "triedMeasure"].includes(i.kind))).toBe(false);
  });
});
