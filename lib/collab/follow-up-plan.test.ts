import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import {
  addNavMeasure,
  addTriedMeasure,
  addWorkTask,
  followUpPlanText,
  readFollowUpPlan,
  removeFollowUpPlanItem,
  setNavMeasurePeriod,
  setNavMeasureStatus,
  setNavPlanFacts,
  setTaskAdaptation,
  setTaskJudgement,
} from "./follow-up-plan";
import { readHoursRampOf, readToolDetails, setHoursRamp, setToolDetail } from "./tool-details";
import { readMeetingDoc } from "./read-meeting-doc";
import { MEETING_DOC_SCHEMA } from "./doc-schema";
import { UpdateShapeChecker } from "./update-shape";
import type { TaskJudgement } from "../plan/follow-up-plan-terms";
import type { PlanTool } from "../plan/tools";

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  return doc;
}

/** What a client editing a replica of `doc` sends. */
function edit(doc: Y.Doc, write: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(replica);
  write(replica);
  return Y.encodeStateAsUpdate(replica, sv);
}

describe("NAV's follow-up plan in the shared document", () => {
  it("records work tasks judged can / with adaptation / cannot, with how and who judged", () => {
    const doc = fresh();
    const a = addWorkTask(doc, { text: "Kassearbeid", judgement: "can", judgedBy: "both" });
    const b = addWorkTask(doc, { text: "Varemottak", judgement: "adapt", adaptations: ["moreTime"], adaptationNote: "Lettere kolli" });
    addWorkTask(doc, { text: "Tunge løft" });
    setTaskAdaptation(doc, b, "withHelp", true);
    setTaskJudgement(doc, a, "can");
    const plan = readFollowUpPlan(doc);
    expect(plan.workTasks.map((t) => [t.text, t.judgement, t.adaptations, t.judgedBy])).toEqual([
      ["Kassearbeid", "can", [], "both"],
      ["Varemottak", "adapt", ["moreTime", "withHelp"], null],
      ["Tunge løft", null, [], null],
    ]);
    expect(plan.workTasks[1]!.adaptationNote).toBe("Lettere kolli");
  });

  it("records measures with status and period, and measures tried with why they could not be done", () => {
    const doc = fresh();
    const m = addNavMeasure(doc, { text: "Hev-senk-bord", how: "Leder bestiller" });
    setNavMeasureStatus(doc, m, "agreed");
    setNavMeasurePeriod(doc, m, { from: "2027-01-04", to: "2027-02-01" });
    const t = addTriedMeasure(doc, { text: "Annen avdeling", kind: "evaluated" });
    followUpPlanText(doc, "triedMeasures", t, "whyNot").insert(0, "Ingen ledig stilling");
    setNavPlanFacts(doc, { evaluationDate: "2027-03-01", employeeContributed: true });
    const plan = readMeetingDoc(doc).plan.followUpPlan;
    expect(plan.measures).toEqual([
      { id: m, text: "Hev-senk-bord", status: "agreed", from: "2027-01-04", to: "2027-02-01", how: "Leder bestiller" },
    ]);
    expect(plan.tried).toEqual([{ id: t, text: "Annen avdeling", kind: "evaluated", whyNot: "Ingen ledig stilling" }]);
    expect(plan.facts).toMatchObject({ evaluationDate: "2027-03-01", employeeContributed: true });
    removeFollowUpPlanItem(doc, "navMeasures", m);
    expect(readFollowUpPlan(doc).measures).toEqual([]);
  });

  it("refuses an unknown judgement or status, a period that ends before it starts, an unreal date and a text past its limit", () => {
    const doc = fresh();
    expect(() => addWorkTask(doc, { text: "x", judgement: "maybe" as TaskJudgement })).toThrow(/judgement/);
    expect(() => addWorkTask(doc, { text: "x".repeat(301) })).toThrow(/longer/);
    const m = addNavMeasure(doc, { text: "Tiltak" });
    expect(() => setNavMeasurePeriod(doc, m, { from: "2027-02-01", to: "2027-01-01" })).toThrow(/before/);
    expect(() => setNavMeasureStatus(doc, m, "done" as "agreed")).toThrow(/status/);
    expect(() => setNavPlanFacts(doc, { evaluationDate: "2027-02-30" })).toThrow(/real date/);
    expect(() => setNavPlanFacts(doc, { notContributedReason: "x".repeat(1_001) })).toThrow(/too long/);
  });

  it("keeps tools' details and the hours ramp, checked whole", () => {
    const doc = fresh();
    setToolDetail(doc, "internship", {
      status: "in_use",
      place: "Lageret",
      hoursPerWeek: 15,
      from: "2027-01-04",
      to: "2027-02-28",
      note: undefined,
    });
    setToolDetail(doc, "resourceCourse", { status: "considering", years: 2 });
    expect(readToolDetails(doc)).toEqual({
      internship: { status: "in_use", place: "Lageret", hoursPerWeek: 15, from: "2027-01-04", to: "2027-02-28" },
      resourceCourse: { status: "considering", years: 2 },
    });
    expect(() => setToolDetail(doc, "resourceCourse", { status: "in_use", years: 6 })).toThrow(/not valid/);
    expect(() => setToolDetail(doc, "mentor", { status: "maybe" as "in_use" })).toThrow(/not valid/);
    expect(() => setToolDetail(doc, "mentor", { status: "in_use", from: "2027-02-01", to: "2027-01-01" })).toThrow(/before/);
    expect(() => setToolDetail(doc, "x" as PlanTool, { status: "in_use" })).toThrow(/unknown tool/);
    setToolDetail(doc, "internship", null);
    expect(Object.keys(readToolDetails(doc))).toEqual(["resourceCourse"]);
    setHoursRamp(doc, {
      startsOn: "2027-01-04",
      steps: [
        { hoursPerWeek: 10, weeks: 2 },
        { hoursPerWeek: 15, weeks: 2 },
      ],
      ordinaryHours: 37,
    });
    expect(readHoursRampOf(doc).steps).toHaveLength(2);
    expect(() => setHoursRamp(doc, { startsOn: null, steps: [{ hoursPerWeek: -1, weeks: 2 }], ordinaryHours: null })).toThrow(/not valid/);
  });
});

describe("the server's shape check and the new roots", () => {
  it("accepts every writer's update on a document made before the roots existed", () => {
    const doc = fresh();
    const checker = new UpdateShapeChecker(doc, MEETING_DOC_SCHEMA);
    const updates = [
      edit(doc, (r) => addWorkTask(r, { text: "Kasse", judgement: "adapt", adaptations: ["otherPlace"], judgedBy: "manager" })),
      edit(doc, (r) => addNavMeasure(r, { text: "Tiltak", status: "not_relevant", from: "2027-01-01", to: null, how: "Slik" })),
      edit(doc, (r) => addTriedMeasure(r, { text: "Prøvd", whyNot: "Gikk ikke" })),
      edit(doc, (r) => setNavPlanFacts(r, { employeeContributed: null, shareWithDoctor: true })),
      edit(doc, (r) => setToolDetail(r, "section56", { status: "in_use", approved: true, from: "2027-01-01", to: null })),
      edit(doc, (r) => setHoursRamp(r, { startsOn: null, steps: [{ hoursPerWeek: 10, weeks: 2 }], ordinaryHours: null })),
    ];
    for (const u of updates) {
      expect(checker.check(u)).toEqual({ ok: true });
      Y.applyUpdate(doc, u);
    }
  });

  it("refuses a judgement it does not know, a key it does not know, a detail as a shared type and a tool it does not know", () => {
    const doc = fresh();
    addWorkTask(doc, { text: "Kasse" });
    const checker = new UpdateShapeChecker(doc, MEETING_DOC_SCHEMA);
    const task = () => (r: Y.Doc) => r.getArray<Y.Map<unknown>>("workTasks").get(0);
    expect(checker.check(edit(doc, (r) => task()(r).set("judgement", "maybe")))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => task()(r).set("diagnosis", "x")))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => task()(r).set("text", "plain string")))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("toolDetails").set("mentor", new Y.Map())))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("toolDetails").set("lottery", { status: "in_use" })))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("navPlan").set("employeeContributed", "yes")))).toMatchObject({ ok: false });
  });
});
