import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement } from "@/db/queries/agreements";
import { goalText, setStep } from "../collab/plan";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { amendAgreement } from "./amend-agreement";
import { verifyBundle } from "./bundle";
import { serverPublicKeys } from "./server-signing-key";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { readFrozenDocument } from "./frozen-document";
import { listAgreementVersions } from "./list-agreement-versions";
import { prepareAgreement } from "./prepare-agreement";
import { signAgreement } from "./sign-agreement";
import { CLIENT, createAgreementFixture, editMeeting, type AgreementFixture } from "./test-fixtures";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

async function signAll(fx: AgreementFixture, agreementId: string, fingerprint: string) {
  for (const role of ["caseworker", "employee", "manager"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId,
      confirmation: { mode: "own-device", typedName: fx.names[role] },
      readAndAgreed: true,
      shownHash: fingerprint,
      client: CLIENT,
    });
  }
}

async function bytesOf(agreementId: string): Promise<Buffer> {
  return Buffer.from((await findAgreement(await getDb(), agreementId))!.canonical);
}

describe("amendAgreement", () => {
  it("makes version n+1 with its reason; version n stays byte-identical, and both verify", async () => {
    const fx = await createAgreementFixture();
    const v1 = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    await signAll(fx, v1.agreementId, v1.fingerprint);
    const v1Bytes = await bytesOf(v1.agreementId);
    const v1Bundle = (await exportAgreementBundle({ me: fx.actors.employee, agreementId: v1.agreementId })).bundle;

    await editMeeting(fx.meetingId, (doc) => {
      setStep(doc, 4);
      goalText(doc).insert(0, "Revised: ");
    });
    await expect(
      amendAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, reason: "  ", unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "required" },
    });
    await expect(
      amendAgreement({ me: fx.actors.employee, meetingId: fx.meetingId, reason: "x", unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const v2 = await amendAgreement({
      me: fx.actors.manager,
      meetingId: fx.meetingId,
      reason: "Kurt starts partial return earlier",
      unionRepSigns: false,
      client: CLIENT,
    });
    expect(v2.version).toBe(2);
    const doc2 = readFrozenDocument(await bytesOf(v2.agreementId));
    expect(doc2.amends).toEqual({
      agreementId: v1.agreementId,
      version: 1,
      fingerprint: v1.fingerprint,
      reason: "Kurt starts partial return earlier",
    });
    expect(JSON.stringify(doc2.presentation.en)).toContain("Revised: ");

    let versions = await listAgreementVersions({ me: fx.actors.employee });
    expect(versions.map((v) => v.state)).toEqual(["binding", "awaiting_signatures"]);

    await signAll(fx, v2.agreementId, v2.fingerprint);
    versions = await listAgreementVersions({ me: fx.actors.employee });
    expect(versions.map((v) => [v.version, v.state])).toEqual([
      [1, "replaced"],
      [2, "binding"],
    ]);

    // Version 1: the same bytes as before, and its bundle (then and now) still verifies.
    expect((await bytesOf(v1.agreementId)).equals(v1Bytes)).toBe(true);
    expect(verifyBundle(v1Bundle, { trustedKeys: serverPublicKeys().keys })).toMatchObject({ valid: true });
    const again = (await exportAgreementBundle({ me: fx.actors.employee, agreementId: v1.agreementId })).bundle;
    expect(again).toEqual(v1Bundle);
    expect(
      verifyBundle((await exportAgreementBundle({ me: fx.actors.employee, agreementId: v2.agreementId })).bundle, {
        trustedKeys: serverPublicKeys().keys,
      }),
    ).toMatchObject({ valid: true, summary: { version: 2 } });
  });

  it("withdraws an unsigned version: signing it afterwards is refused (409)", async () => {
    const fx = await createAgreementFixture();
    const v1 = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    await amendAgreement({
      me: fx.actors.caseworker,
      meetingId: fx.meetingId,
      reason: "A typo in the goal",
      unionRepSigns: false,
      client: CLIENT,
    });
    await expect(
      signAgreement({
        me: fx.actors.employee,
        agreementId: v1.agreementId,
        confirmation: { mode: "own-device", typedName: fx.names.employee },
        readAndAgreed: true,
        shownHash: v1.fingerprint,
        client: CLIENT,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { version: "superseded" } });
    expect((await listAgreementVersions({ me: fx.actors.employee })).map((v) => v.state)).toEqual(["withdrawn", "awaiting_signatures"]);
  });

  it("needs a version to amend (409)", async () => {
    const fx = await createAgreementFixture();
    await expect(
      amendAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, reason: "why", unionRepSigns: false, client: CLIENT }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
