import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { addActivity, addSubGoal, readSubGoals, setActivityCatalogue } from "../collab/sub-goals";
import { MEETING_DOC_SCHEMA } from "../collab/doc-schema";
import { UpdateShapeChecker } from "../collab/update-shape";
import { looksLikeDiagnosis } from "../privacy/diagnosis-guard";
import { catalogueLine } from "../agreements/present-country-plan";
import { translator } from "../agreements/labels";
import { checkCatalogueFacts, pickFromCatalogue } from "./activity-catalogue";
import { ownKeyOf, pickOwnActivity, type OwnActivity } from "./own-activity";

const talks: OwnActivity = {
  id: "0b6f3c1e-7a51-4f0e-9d57-2f1c2d3e4f50",
  name: "Samtaler om angst hos Vejle Psykologhus",
  kind: "health",
  hoursPerWeek: 1.5,
  atWorkplace: false,
  sensitive: true,
};

function activityIn(doc: Y.Doc) {
  initMeetingDoc(doc, { track: "employed" });
  const sg = addSubGoal(doc, { text: "Mindre uro på jobbet" });
  return { sg, act: addActivity(doc, sg, { text: "" }) };
}

describe("an organisation's own activity in the plan", () => {
  it("is stored with its key and name as picked, so the plan and an agreement read the same after a rename", () => {
    const facts = pickOwnActivity(talks, { employeeAgreedToShare: true });
    expect(facts).toEqual({
      key: ownKeyOf(talks),
      name: talks.name,
      provider: "",
      hoursPerWeek: 1.5,
      from: null,
      to: null,
      atWorkplace: false,
    });
    const t = translator("da");
    expect(catalogueLine({ ...facts, provider: "Hanne Holm" }, t, "da")).toBe(
      `${talks.name} · Udbyder: Hanne Holm · Timer om ugen: 1,5 · Ikke på arbejdspladsen`,
    );
  });

  it("becomes the neutral health-related activity when sensitive and not agreed to be shared: its name never reaches the shared document", () => {
    const facts = pickOwnActivity(talks, { employeeAgreedToShare: false });
    expect(facts).toMatchObject({ key: "healthActivity", hoursPerWeek: 1.5 });
    expect(facts).not.toHaveProperty("name");
    expect(pickOwnActivity({ ...talks, sensitive: false }, { employeeAgreedToShare: false }).key).toBe(ownKeyOf(talks));
  });

  it("is not a diagnosis: the guard reads the activity's texts, and the name is not one of them", () => {
    const doc = new Y.Doc();
    const { sg, act } = activityIn(doc);
    const checker = new UpdateShapeChecker(new Y.Doc(), MEETING_DOC_SCHEMA);
    setActivityCatalogue(doc, sg, act, { ...pickOwnActivity(talks, { employeeAgreedToShare: true }), provider: "Vejle Psykologhus" });
    const view = readSubGoals(doc)[0]!.activities[0]!;
    expect(view.catalogue).toMatchObject({ key: ownKeyOf(talks), name: talks.name });
    // The name itself reads like a diagnosis to the guard; the activity's own texts stay empty.
    expect(looksLikeDiagnosis(talks.name)).toBe(true);
    expect([view.text, view.who, view.schedule].some((s) => looksLikeDiagnosis(s))).toBe(false);
    expect(checker.check(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
  });

  it("needs a name with an own key, and takes none with the country's entries", () => {
    const own = pickOwnActivity(talks, { employeeAgreedToShare: true });
    const coaching = pickFromCatalogue("coaching", { employeeAgreedToShare: true })!;
    expect(checkCatalogueFacts(own).ok).toBe(true);
    expect(checkCatalogueFacts({ ...own, name: undefined }).ok).toBe(false);
    expect(checkCatalogueFacts({ ...coaching, name: "Coaching deluxe" }).ok).toBe(false);
    expect(checkCatalogueFacts({ ...own, key: "own:not-an-id" }).ok).toBe(false);
    expect(checkCatalogueFacts({ ...own, name: "x".repeat(121) }).ok).toBe(false);
  });
});
