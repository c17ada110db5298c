import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { addNavMeasure, addTriedMeasure, addWorkTask, setNavPlanFacts } from "../collab/follow-up-plan";
import { buildAgreementDocument } from "../agreements/build-agreement-document";
import { canonicalBytes } from "../agreements/canonical-json";
import { readAgreementContent } from "../agreements/agreement-content";
import { agreedNavPlan } from "./agreed-nav-plan";

/** Freeze a meeting document as an agreement would, and read its content back from the bytes. */
function frozen(fill: (doc: Y.Doc) => void, country: "DK" | "NO") {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  fill(doc);
  const document = buildAgreementDocument({
    agreementId: "a1",
    caseId: "c1",
    version: 1,
    requiredSigners: ["caseworker", "employee", "manager"],
    supporters: [],
    amends: null,
    preparedAt: new Date("2030-01-06T10:00:00Z"),
    preparedBy: { participantId: "p1", role: "caseworker", name: "Ingrid" },
    case: { employeeName: "Sofie", employer: "Butikken", track: "employed", country },
    meeting: { id: "m1", title: "Dialogmøte 1", startsAt: new Date("2030-01-06T09:00:00Z"), location: null },
    parties: [],
    view: readMeetingDoc(doc),
    people: new Map(),
    languages: ["nb"],
  });
  return readAgreementContent(canonicalBytes(document));
}

function sofiesPlan(doc: Y.Doc) {
  addWorkTask(doc, { text: "Kasse", judgement: "can", judgedBy: "both" });
  addWorkTask(doc, {
    text: "Varemottak",
    judgement: "adapt",
    adaptations: ["moreTime"],
    adaptationNote: "Lettere kolli",
    judgedBy: "manager",
  });
  addNavMeasure(doc, { text: "Hev-senk-kasse", status: "agreed", from: "2030-01-13", to: "2030-04-07", how: "Ola bestiller" });
  addTriedMeasure(doc, { text: "Lageret i to uker", kind: "tried", whyNot: "De samme løftene" });
  setNavPlanFacts(doc, { evaluationDate: "2030-03-03", employeeContributed: true });
}

describe("agreedNavPlan", () => {
  it("issue 17: reads the work tasks, measures, measures tried and the referral readiness from a Norwegian binding version's frozen bytes", () => {
    const plan = agreedNavPlan(frozen(sofiesPlan, "NO"));
    expect(plan).not.toBeNull();
    expect(plan!.workTasks.map((w) => [w.text, w.judgement, w.judgedBy, w.adaptations])).toEqual([
      ["Kasse", "can", "both", []],
      ["Varemottak", "adapt", "manager", ["moreTime"]],
    ]);
    expect(plan!.measures.map((m) => [m.text, m.status, m.from, m.to])).toEqual([["Hev-senk-kasse", "agreed", "2030-01-13", "2030-04-07"]]);
    expect(plan!.tried.map((m) => [m.text, m.whyNot])).toEqual([["Lageret i to uker", "De samme løftene"]]);
    expect(plan!.evaluationDate).toBe("2030-03-03");
    expect(plan!.referral).toEqual({ complete: true, gaps: [] });
  });

  it("says what the documentation lacked in that version (an unjudged task, a measure tried without why)", () => {
    const plan = agreedNavPlan(
      frozen((doc) => {
        addWorkTask(doc, { text: "Kasse" });
        addTriedMeasure(doc, { text: "Lageret" });
      }, "NO"),
    );
    expect(plan!.referral).toEqual({ complete: false, gaps: ["unjudgedTasks", "triedWithoutReason", "contributionUnanswered"] });
  });

  it("is null on a Danish case, even if its document held such items, and on a Norwegian version without a follow-up plan", () => {
    expect(agreedNavPlan(frozen(sofiesPlan, "DK"))).toBeNull();
    expect(agreedNavPlan(frozen(() => {}, "NO"))).toBeNull();
  });
});
