import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement, listAgreementEvents } from "@/db/queries/agreements";
import { agreementEvents } from "@/db/schema";
import type { Role } from "../plan/roles";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { bindAgreement } from "./bind-agreement";
import { canonicalBytes, parseCanonical } from "./canonical-json";
import { appendEvent, type SignatureEvent } from "./event-chain";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { getAgreementForParticipant } from "./get-agreement-for-participant";
import { prepareAgreement } from "./prepare-agreement";
import { signAgreement } from "./sign-agreement";
import { CLIENT, createAgreementFixture, type AgreementFixture } from "./test-fixtures";

/**
 * Issue 12, point 4: anyone who can INSERT into agreement_events (the application's own database
 * role can) appends a correctly hashed "signed" event. The chain verifies — a hash is no proof of
 * who wrote it — so the server used to count the forged signature and seal it with its own key.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const own = (name: string) => ({ mode: "own-device" as const, typedName: name });

async function prepared() {
  const fx = await createAgreementFixture();
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
  return { fx, v };
}

const sign = (fx: AgreementFixture, role: Role, agreementId: string, shownHash: string) =>
  signAgreement({ me: fx.actors[role], agreementId, confirmation: own(fx.names[role]), readAndAgreed: true, shownHash, client: CLIENT });

/** What the attacker does with SQL alone: read the chain, hash a "signed" event onto it, INSERT it. */
async function forgeSignature(fx: AgreementFixture, agreementId: string, role: Role): Promise<void> {
  const db = await getDb();
  const row = (await findAgreement(db, agreementId))!;
  const events = (await listAgreementEvents(db, agreementId)).map((r) => parseCanonical(r.data) as SignatureEvent);
  const forged = appendEvent(row.fingerprint, events, {
    type: "signed",
    at: new Date(),
    participantId: fx.participants[role].id,
    role,
    name: fx.names[role],
    authMethod: "own-device:join-link",
    shownHash: row.fingerprint,
  });
  await db.insert(agreementEvents).values({
    agreementId,
    seq: forged.seq,
    type: forged.type,
    participantId: forged.participantId,
    at: new Date(forged.at),
    hash: forged.hash,
    data: canonicalBytes(forged),
  });
}

describe("forged signatures", () => {
  it("attack 12.4: a signature INSERTed by SQL is not counted; the caseworker's signature does not seal it", async () => {
    const { fx, v } = await prepared();
    await sign(fx, "employee", v.agreementId, v.fingerprint);
    await forgeSignature(fx, v.agreementId, "manager");

    await expect(sign(fx, "caseworker", v.agreementId, v.fingerprint)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { record: "altered" },
    });
    const row = (await findAgreement(await getDb(), v.agreementId))!;
    expect(row.sealedAt).toBeNull();
    expect((await listAgreementEvents(await getDb(), v.agreementId)).map((e) => e.type)).toEqual(["prepared", "signed", "signed"]);
  });

  it("attack 12.4: the chair cannot bind an agreement whose missing signatures were INSERTed by SQL", async () => {
    const { fx, v } = await prepared();
    await sign(fx, "caseworker", v.agreementId, v.fingerprint);
    await forgeSignature(fx, v.agreementId, "employee");
    await forgeSignature(fx, v.agreementId, "manager");

    await expect(bindAgreement({ me: fx.actors.caseworker, agreementId: v.agreementId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { record: "altered" },
    });
    expect((await findAgreement(await getDb(), v.agreementId))!.sealedAt).toBeNull();
  });

  it("attack 12.4: an agreement holding a forged signature reads as altered, and has no verification file", async () => {
    const { fx, v } = await prepared();
    await forgeSignature(fx, v.agreementId, "employee");

    await expect(getAgreementForParticipant({ me: fx.actors.manager, agreementId: v.agreementId, locale: "en" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { record: "altered" },
      message: expect.stringMatching(/event 2 \(signed\) was not written by this server/),
    });
    await expect(exportAgreementBundle({ me: fx.actors.caseworker, agreementId: v.agreementId })).rejects.toMatchObject({
      details: { record: "altered" },
    });
  });

  it("a server signature copied from a genuine event does not make a forged one genuine", async () => {
    const { fx, v } = await prepared();
    const db = await getDb();
    const [genuine] = await listAgreementEvents(db, v.agreementId);
    const row = (await findAgreement(db, v.agreementId))!;
    const events = [parseCanonical(genuine!.data) as SignatureEvent];
    const forged = appendEvent(row.fingerprint, events, {
      type: "signed",
      at: new Date(),
      participantId: fx.participants.employee.id,
      role: "employee",
      authMethod: "own-device:join-link",
      shownHash: row.fingerprint,
    });
    await db.insert(agreementEvents).values({
      agreementId: v.agreementId,
      seq: 2,
      type: "signed",
      participantId: forged.participantId,
      at: new Date(forged.at),
      hash: forged.hash,
      data: canonicalBytes(forged),
      attestKid: genuine!.attestKid,
      attestSignature: genuine!.attestSignature,
    });
    await expect(getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en" })).rejects.toMatchObject({
      message: expect.stringMatching(/its server signature does not verify/),
    });
  });

  it("takes genuine signatures as before: each stored event carries the server's signature", async () => {
    const { fx, v } = await prepared();
    for (const role of ["employee", "manager"] as const) await sign(fx, role, v.agreementId, v.fingerprint);
    const r = await sign(fx, "caseworker", v.agreementId, v.fingerprint);
    expect(r.sealed).toBe(true);
    const rows = await listAgreementEvents(await getDb(), v.agreementId);
    expect(rows.every((e) => e.attestKid && e.attestSignature && !e.beforeAttestation)).toBe(true);
    expect((await getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en" })).state).toBe("binding");
  });
});

describe("reading while the agreement is sealed", () => {
  it("never mistakes a seal committed between two reads for an altered record", async () => {
    const { fx, v } = await prepared();
    for (const role of ["employee", "manager"] as const) await sign(fx, role, v.agreementId, v.fingerprint);
    const reads: Promise<unknown>[] = [];
    let sealing = true;
    const readUntilSealed = async () => {
      while (sealing)
        await getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en", withDocument: false });
    };
    for (let i = 0; i < 6; i++) reads.push(readUntilSealed());
    await sign(fx, "caseworker", v.agreementId, v.fingerprint).finally(() => (sealing = false));
    await Promise.all(reads);
    expect((await getAgreementForParticipant({ me: fx.actors.employee, agreementId: v.agreementId, locale: "en" })).state).toBe("binding");
  });
});
