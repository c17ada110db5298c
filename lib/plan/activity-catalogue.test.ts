import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { catalogueFor, pickFromCatalogue, weeksOverLimit } from "./activity-catalogue";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { addActivity, addSubGoal, readSubGoals, setActivityCatalogue } from "../collab/sub-goals";
import { MEETING_DOC_SCHEMA } from "../collab/doc-schema";
import { UpdateShapeChecker } from "../collab/update-shape";
import { looksLikeDiagnosis } from "../privacy/diagnosis-guard";
import { translator } from "../agreements/labels";

describe("the activity catalogue (seeds 000, 002, 003, 004)", () => {
  it("offers each country its own entries: job clarification in Denmark, NAV's rehabilitation contents in Norway", () => {
    const dk = catalogueFor("DK").map((e) => e.key);
    const no = catalogueFor("NO").map((e) => e.key);
    expect(dk).toEqual(
      expect.arrayContaining([
        "internship",
        "mastery",
        "copingAnxietyDepression",
        "coaching",
        "physioPool",
        "psychologist",
        "mentor",
        "jobClarification",
      ]),
    );
    expect(dk).not.toContain("rehabWorkTesting");
    expect(no).toEqual(
      expect.arrayContaining(["rehabMotivation", "rehabTraining", "rehabWorkTesting", "rehabLabourMarket", "rehabLifestyle"]),
    );
    expect(no).not.toContain("jobClarification");
    expect(dk).not.toContain("healthActivity");
  });

  it("stores a sensitive entry the employee did not agree to share as the neutral health-related activity", () => {
    expect(pickFromCatalogue("psychologist", { employeeAgreedToShare: false })!.key).toBe("healthActivity");
    expect(pickFromCatalogue("psychologist", { employeeAgreedToShare: true })!.key).toBe("psychologist");
    expect(pickFromCatalogue("internship", { employeeAgreedToShare: false })).toMatchObject({ key: "internship", atWorkplace: true });
    expect(pickFromCatalogue("lottery", { employeeAgreedToShare: true })).toBeNull();
  });

  it("says how many weeks an occupational rehabilitation runs past its 12", () => {
    const rehab = { ...pickFromCatalogue("rehabWorkTesting", { employeeAgreedToShare: true })!, from: "2027-01-04", to: "2027-03-28" };
    expect(weeksOverLimit(rehab)).toBe(0);
    expect(weeksOverLimit({ ...rehab, to: "2027-04-11" })).toBe(2);
    expect(weeksOverLimit({ ...rehab, key: "coaching", to: "2028-01-01" })).toBe(0);
  });

  it("is not a diagnosis: the label is never written into a shared text, so the guard has nothing to read", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    const sg = addSubGoal(doc, { text: "Mindre uro på jobb" });
    const act = addActivity(doc, sg, { text: "" });
    const checker = new UpdateShapeChecker(new Y.Doc(), MEETING_DOC_SCHEMA);
    setActivityCatalogue(doc, sg, act, {
      ...pickFromCatalogue("copingAnxietyDepression", { employeeAgreedToShare: true })!,
      provider: "Hartmanns",
    });
    const view = readSubGoals(doc)[0]!.activities[0]!;
    expect(view.catalogue).toMatchObject({ key: "copingAnxietyDepression", provider: "Hartmanns" });
    // The label itself reads like a diagnosis to the guard; the activity's own texts stay the person's.
    expect(looksLikeDiagnosis(translator("da")("activityCatalogue.copingAnxietyDepression.label"))).toBe(true);
    expect([view.text, view.who, view.schedule].some((s) => looksLikeDiagnosis(s))).toBe(false);
    expect(checker.check(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
  });

  it("refuses an entry it does not know and a period backwards; the server refuses a catalogue value past its size", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    const sg = addSubGoal(doc, { text: "x" });
    const act = addActivity(doc, sg, { text: "" });
    const facts = pickFromCatalogue("coaching", { employeeAgreedToShare: true })!;
    expect(() => setActivityCatalogue(doc, sg, act, { ...facts, key: "lottery" })).toThrow(/catalogue/);
    expect(() => setActivityCatalogue(doc, sg, act, { ...facts, from: "2027-02-01", to: "2027-01-01" })).toThrow(/before/);
    const checker = new UpdateShapeChecker(doc, MEETING_DOC_SCHEMA);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(replica);
    const activity = (
      (replica.getMap("plan").get("subGoals") as Y.Array<Y.Map<unknown>>).get(0).get("activities") as Y.Array<Y.Map<unknown>>
    ).get(0);
    activity.set("catalogue", { ...facts, provider: "x".repeat(2_000) });
    expect(checker.check(Y.encodeStateAsUpdate(replica, sv))).toMatchObject({ ok: false });
  });
});
