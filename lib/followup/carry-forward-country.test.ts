import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { freezeAgreement } from "../agreements/agreement-document";
import { readAgreementContent } from "../agreements/agreement-content";
import { norwegianAgreementDocument, norwegianPlanView } from "../testing/country-plan-docs";
import { carryForward } from "./carry-forward";

describe("carryForward: the country's plan goes into the next meeting (issue 17)", () => {
  it("carries NAV's follow-up plan with its ids, the tools' details and the hours ramp", () => {
    const frozen = freezeAgreement(norwegianAgreementDocument());
    const content = readAgreementContent(frozen.canonical);
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    carryForward(doc, { agreementId: "a-no", version: 1, fingerprint: frozen.fingerprint, content }, "nb");
    const plan = readMeetingDoc(doc).plan;
    const before = norwegianPlanView().plan;
    expect(plan.followUpPlan.workTasks.map(({ id: _id, ...rest }) => rest)).toEqual(
      before.followUpPlan.workTasks.map(({ id: _id, ...rest }) => rest),
    );
    expect(plan.followUpPlan.workTasks.map((t) => t.id)).toEqual(content.plan.followUpPlan!.workTasks.map((t) => t.id));
    expect(plan.followUpPlan.tried).toEqual(content.plan.followUpPlan!.tried);
    expect(plan.followUpPlan.facts).toEqual(before.followUpPlan.facts);
    expect(plan.toolDetails).toEqual(before.toolDetails);
    expect(plan.hoursRamp).toEqual(before.hoursRamp);
  });

  it("leaves out a carried value that no longer fits (a backwards period, an unreal date) and keeps the rest", () => {
    const frozen = freezeAgreement(norwegianAgreementDocument());
    const content = readAgreementContent(frozen.canonical);
    content.plan.toolDetails = { adaptationGrant: { status: "in_use", from: "2027-03-01", to: "2027-01-01" } };
    content.plan.followUpPlan!.facts.evaluationDate = "2027-02-31";
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    carryForward(doc, { agreementId: "a-no", version: 1, fingerprint: frozen.fingerprint, content }, "nb");
    const plan = readMeetingDoc(doc).plan;
    expect(plan.toolDetails).toEqual({});
    expect(plan.followUpPlan.facts.evaluationDate).toBeNull();
    expect(plan.followUpPlan.workTasks).toHaveLength(3);
  });
});
