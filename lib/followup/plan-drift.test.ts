import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goalText, setStep } from "../collab/plan";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { amendAgreement } from "../agreements/amend-agreement";
import { getFrozenPlan, getPlanDrift } from "./plan-drift";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { CLIENT, createAgreementFixture, editMeeting } from "../agreements/test-fixtures";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("edits after freezing", () => {
  it("issue 13.2: says what differs between the version being signed and its meeting's room, and stops once a new version holds the change", async () => {
    const fx = await createAgreementFixture();
    const v1 = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    expect(await getPlanDrift({ me: fx.actors.employee, agreementId: v1.agreementId, locale: "en" })).toBeNull();

    await editMeeting(fx.meetingId, (doc) => {
      goalText(doc).insert(0, "Full time: ");
      setStep(doc, 4);
    });
    const drift = await getPlanDrift({ me: fx.actors.employee, agreementId: v1.agreementId, locale: "en" });
    expect(drift).toMatchObject({ agreementId: v1.agreementId, version: 1, meetingId: fx.meetingId });
    expect(drift!.changes.map((c) => c.field).sort()).toEqual(["goal", "step"]);
    expect(drift!.lines.join("\n")).toContain("Step 3 → 4");

    const v2 = await amendAgreement({
      me: fx.actors.caseworker,
      meetingId: fx.meetingId,
      reason: "Changed after freezing",
      unionRepSigns: false,
      client: CLIENT,
    });
    expect(await getPlanDrift({ me: fx.actors.employee, agreementId: v2.agreementId, locale: "en" })).toBeNull();
    // The withdrawn version 1 is history: no notice on it.
    expect(await getPlanDrift({ me: fx.actors.employee, agreementId: v1.agreementId, locale: "en" })).toBeNull();
  });

  it("gives the room the frozen plan to compare with, only to the case's participants", async () => {
    const fx = await createAgreementFixture();
    const other = await createAgreementFixture();
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    const frozen = await getFrozenPlan({ me: fx.actors.manager, agreementId: v.agreementId });
    expect(frozen).toMatchObject({ version: 1, fingerprint: v.fingerprint, meetingId: fx.meetingId });
    expect(frozen.snapshot.plan.step).toBe(3);
    await expect(getFrozenPlan({ me: other.actors.manager, agreementId: v.agreementId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
