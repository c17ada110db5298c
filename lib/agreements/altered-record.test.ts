import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement, listAgreementEvents } from "@/db/queries/agreements";
import { bindingOf, loadCaseAgreements } from "./case-agreements";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { getAgreementForParticipant } from "./get-agreement-for-participant";
import { listAgreementVersions } from "./list-agreement-versions";
import { prepareAgreement } from "./prepare-agreement";
import { signAgreement } from "./sign-agreement";
import { CLIENT, createAgreementFixture } from "./test-fixtures";

/**
 * Issue 12, point 6: someone with the tables' owner rights (or a superuser) switches a guard off
 * and changes a row. The seal, the chain and the server's signature on each event still say what
 * was agreed, so every read checks them: the agreement reads as "altered" — a clear page and a
 * 409 — never as the changed text, and never a bare 500.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const own = (name: string) => ({ mode: "own-device" as const, typedName: name });

async function binding() {
  const fx = await createAgreementFixture();
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
  for (const role of ["employee", "manager", "caseworker"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId: v.agreementId,
      confirmation: own(fx.names[role]),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
  }
  return { fx, v };
}

/** As the owner: the guard off, one row changed, the guard on again. */
async function behindTheBack(table: "agreements" | "agreement_events", trigger: string, change: string): Promise<void> {
  await tdb.asOwner(`alter table ${table} disable trigger ${trigger}`);
  try {
    await tdb.asOwner(change);
  } finally {
    await tdb.asOwner(`alter table ${table} enable always trigger ${trigger}`);
  }
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("an agreement whose stored record was changed", () => {
  it("attack 12.6: changed agreement text reads as altered, not as the changed text", async () => {
    const { fx, v } = await binding();
    const row = (await findAgreement(await getDb(), v.agreementId))!;
    const changed = new TextEncoder().encode(new TextDecoder().decode(row.canonical).replace("Tilbage i eget job", "Fuld tid fra mandag"));
    expect(hex(changed)).not.toBe(hex(row.canonical));
    await behindTheBack(
      "agreements",
      "agreements_guard",
      `update agreements set canonical = '\\x${hex(changed)}' where id = '${v.agreementId}'`,
    );

    await expect(getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "da" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { record: "altered" },
    });
    await expect(exportAgreementBundle({ me: fx.actors.caseworker, agreementId: v.agreementId })).rejects.toMatchObject({
      details: { record: "altered" },
    });
  });

  it("attack 12.6: a changed signature event reads as altered", async () => {
    const { fx, v } = await binding();
    const [, signed] = await listAgreementEvents(await getDb(), v.agreementId);
    const data = new TextDecoder().decode(signed!.data).replace(fx.names.employee, "Someone Else");
    await behindTheBack(
      "agreement_events",
      "agreement_events_append_only",
      `update agreement_events set data = '\\x${Buffer.from(data).toString("hex")}' where id = ${signed!.id}`,
    );

    await expect(getAgreementForParticipant({ me: fx.actors.manager, agreementId: v.agreementId, locale: "en" })).rejects.toMatchObject({
      details: { record: "altered" },
      message: expect.stringMatching(/event 2 \(signed\) was altered/),
    });
  });

  it("attack 12.6: a replaced seal reads as altered (the seal is checked on every read)", async () => {
    const { fx, v } = await binding();
    const row = (await findAgreement(await getDb(), v.agreementId))!;
    const other = Buffer.from(row.sealSignature!, "base64url");
    other[0]! ^= 0xff;
    await behindTheBack(
      "agreements",
      "agreements_guard",
      `update agreements set seal_signature = '${other.toString("base64url")}' where id = '${v.agreementId}'`,
    );

    await expect(getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en" })).rejects.toMatchObject({
      details: { record: "altered" },
      message: expect.stringMatching(/seal signature does not verify/),
    });
  });

  it("is listed as altered, and follow-up never takes it as the binding agreement", async () => {
    const { fx, v } = await binding();
    expect(bindingOf(await loadCaseAgreements(fx.caseId))?.id).toBe(v.agreementId);
    const row = (await findAgreement(await getDb(), v.agreementId))!;
    const changed = new TextDecoder().decode(row.canonical).replace("Tilbage i eget job", "Fuld tid fra mandag");
    await behindTheBack(
      "agreements",
      "agreements_guard",
      `update agreements set canonical = '\\x${Buffer.from(changed).toString("hex")}' where id = '${v.agreementId}'`,
    );

    expect(await listAgreementVersions({ me: fx.actors.employee })).toMatchObject([{ id: v.agreementId, altered: true }]);
    expect(bindingOf(await loadCaseAgreements(fx.caseId))).toBeNull();
  });
});
