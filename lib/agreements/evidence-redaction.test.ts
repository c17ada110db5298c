import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement, listAgreementEvents } from "@/db/queries/agreements";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { bundleToJson, verifyBundle } from "./bundle";
import { canonicalBytes, parseCanonical } from "./canonical-json";
import { eventHash, type LegacyEvent, type SignatureEvent } from "./event-chain";
import { evidenceFieldsFor } from "./evidence-visibility";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { getAgreementForParticipant } from "./get-agreement-for-participant";
import { prepareAgreement } from "./prepare-agreement";
import { createSeal } from "./seal";
import { serverPublicKeys, serverSigningKey } from "./server-signing-key";
import { signAgreement } from "./sign-agreement";
import { createAgreementFixture } from "./test-fixtures";

/**
 * Issue 13, section 3: the verification file the manager (or anyone but the caseworker) downloads
 * carries nobody's IP address or device string; the job centre keeps them; every copy verifies.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const DEVICE = { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (EvidenceTest; rare string)" };
const own = (name: string) => ({ mode: "own-device" as const, typedName: name });
const trusted = () => ({ trustedKeys: serverPublicKeys().keys });

async function binding() {
  const fx = await createAgreementFixture();
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: true, client: DEVICE });
  for (const role of ["employee", "manager", "caseworker", "union_rep"] as const) {
    await signAgreement({
      me: fx.actors[role],
      agreementId: v.agreementId,
      confirmation: own(fx.names[role]),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: DEVICE,
    });
  }
  return { fx, v };
}

describe("evidence without surveillance", () => {
  it("attack 13.3: the manager's, employee's and union rep's verification files carry no IP address or device, and verify", async () => {
    const { fx, v } = await binding();
    for (const role of ["manager", "employee", "union_rep"] as const) {
      const { bundle } = await exportAgreementBundle({ me: fx.actors[role], agreementId: v.agreementId });
      const text = bundleToJson(bundle);
      expect(text, role).not.toContain(DEVICE.ip);
      expect(text, role).not.toContain("EvidenceTest");
      expect(verifyBundle(JSON.parse(text), trusted()), role).toMatchObject({ valid: true, summary: { evidence: "redacted" } });
    }
  });

  it("gives the caseworker (the job centre) the full evidence, which verifies too", async () => {
    const { fx, v } = await binding();
    const { bundle } = await exportAgreementBundle({ me: fx.actors.caseworker, agreementId: v.agreementId });
    expect(bundle.clientFacts?.map((f) => [f.seq, f.ip, f.userAgent])).toEqual(
      [1, 2, 3, 4, 5].map((seq) => [seq, DEVICE.ip, DEVICE.userAgent]),
    );
    expect(verifyBundle(bundle, trusted())).toMatchObject({ valid: true, summary: { evidence: "full" } });
    expect(evidenceFieldsFor("caseworker")).toEqual(["ip", "userAgent"]);
    for (const role of ["employee", "manager", "union_rep", "observer"]) expect(evidenceFieldsFor(role)).toEqual([]);
  });
});

describe("an agreement sealed before events were signed and IP/device committed", () => {
  /** As the owner: rewrite a sealed agreement into what the previous version of Stepwise stored. */
  async function makeLegacy(agreementId: string): Promise<void> {
    const db = await getDb();
    const row = (await findAgreement(db, agreementId))!;
    const current = (await listAgreementEvents(db, agreementId)).map((r) => parseCanonical(r.data) as SignatureEvent);
    const legacy: LegacyEvent[] = [];
    for (const e of current) {
      const { hash: _h, ...rest } = e;
      const { client: _c, ...base } = rest as typeof rest & { client?: unknown };
      const facts = e.type === "sealed" ? { ip: null, userAgent: null } : DEVICE;
      const unhashed = { ...base, ...facts, prevHash: legacy.at(-1)?.hash ?? row.fingerprint } as Omit<LegacyEvent, "hash">;
      legacy.push({ ...unhashed, hash: eventHash(unhashed) });
    }
    const sealed = legacy.at(-1)!;
    const seal = createSeal({ fingerprint: row.fingerprint, chainHead: sealed.hash, sealedAt: sealed.at, key: serverSigningKey() });
    const hex = (b: Uint8Array) => `'\\x${Buffer.from(b).toString("hex")}'`;
    await tdb.asOwner(
      [
        "begin",
        "alter table agreement_events disable trigger user",
        "alter table agreements disable trigger user",
        "alter table agreement_events_before_attestation disable trigger user",
        `delete from agreement_events where agreement_id = '${agreementId}'`,
        ...legacy.map(
          (e) =>
            `insert into agreement_events (agreement_id, seq, type, participant_id, at, hash, data) values ('${agreementId}', ${e.seq}, '${e.type}', ${e.participantId ? `'${e.participantId}'` : "null"}, '${e.at}', '${e.hash}', ${hex(canonicalBytes(e))})`,
        ),
        `insert into agreement_events_before_attestation (event_id) select id from agreement_events where agreement_id = '${agreementId}'`,
        `update agreements set chain_head = '${seal.chainHead}', seal_signature = '${seal.signature}' where id = '${agreementId}'`,
        "alter table agreement_events enable trigger user",
        "alter table agreements enable trigger user",
        "alter table agreement_events_before_attestation enable trigger user",
        "commit",
      ].join("; "),
    );
  }

  it("still reads as binding, and its file (IP and device in clear text) goes to the caseworker only", async () => {
    const { fx, v } = await binding();
    await makeLegacy(v.agreementId);
    expect((await listAgreementEvents(await getDb(), v.agreementId)).every((e) => e.beforeAttestation && e.attestKid === null)).toBe(true);

    expect((await getAgreementForParticipant({ me: fx.actors.manager, agreementId: v.agreementId, locale: "da" })).state).toBe("binding");
    const { bundle } = await exportAgreementBundle({ me: fx.actors.caseworker, agreementId: v.agreementId });
    expect(bundleToJson(bundle)).toContain(DEVICE.ip);
    expect(verifyBundle(bundle, trusted())).toMatchObject({ valid: true, summary: { evidence: "full" } });
    await expect(exportAgreementBundle({ me: fx.actors.manager, agreementId: v.agreementId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { evidence: "job_centre_only" },
    });
  });
});
