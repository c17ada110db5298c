import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type DbHandle } from "../client";
import { agreementEvents, agreements, cases, organisations } from "../schema";
import { changeAgreementLocked, createAgreementVersion, findAgreement, listAgreementEvents, type EventInsert } from "./agreements";
import { ALL_ORGANISATIONS } from "../organisation-scope";

/** A database of its own (PGlite in memory): db/ tests may not use lib/'s helpers. */
let h: DbHandle;
beforeAll(async () => {
  h = await openDatabase({ inMemory: true, outsideScope: ALL_ORGANISATIONS });
});
afterAll(async () => {
  await h.close();
});

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
// Canonical-looking bytes with what breaks naive storage: non-ASCII, an emoji, escapes, key order.
const CANONICAL = new TextEncoder().encode('{"b":"Kurt Sørensen – æøå ÆØÅ 🙂","a":"line\\nbreak \\"quoted\\"","n":1e+21}');

function event(seq: number, type: string): EventInsert {
  const data = new TextEncoder().encode(JSON.stringify({ seq, type }));
  return {
    seq,
    type,
    participantId: null,
    at: new Date(),
    hash: sha(data),
    data,
    attestKid: "0123456789abcdef",
    attestSignature: "sig",
    clientFacts: null,
  };
}

async function newVersion() {
  const [c] = await h
    .ownerDb!.insert(cases)
    .values({ organisationId: await testOrganisation(h.ownerDb!), employeeName: "X", track: "employed" })
    .returning();
  return createAgreementVersion(h.ownerDb!, c!.id, (existing) => ({
    row: { caseId: c!.id, version: existing.length + 1, canonical: CANONICAL, fingerprint: sha(CANONICAL), requiredSigners: ["employee"] },
    firstEvent: event(1, "prepared"),
  }));
}

async function expectRefused(p: Promise<unknown>, re: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as Error & { cause?: Error },
  );
  expect(e, "the statement should have been refused").not.toBeNull();
  expect(`${e!.message} ${e!.cause?.message ?? ""}`).toMatch(re);
}

describe("agreement queries", () => {
  it("write-then-read keeps the canonical bytes, so the fingerprint is unchanged", async () => {
    const row = await newVersion();
    const back = (await findAgreement(h.ownerDb!, row.id))!;
    expect(Buffer.from(back.canonical).equals(Buffer.from(CANONICAL))).toBe(true);
    expect(sha(back.canonical)).toBe(back.fingerprint);
    expect(back.fingerprint).toBe(sha(CANONICAL));
  });

  it("serialises writers on the row lock: concurrent appends get consecutive seq numbers", async () => {
    const row = await newVersion();
    await Promise.all(
      [0, 1, 2, 3].map(() => changeAgreementLocked(h.ownerDb!, row.id, (_r, events) => ({ events: [event(events.length + 1, "signed")] }))),
    );
    expect((await listAgreementEvents(h.ownerDb!, row.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("seals once; then the database refuses UPDATE and DELETE of the signed row and its events", async () => {
    const row = await newVersion();
    const sealed = await changeAgreementLocked(h.ownerDb!, row.id, (_r, events) => ({
      events: [event(events.length + 1, "sealed")],
      seal: { sealedAt: new Date(), kid: "0123456789abcdef", signature: "sig", chainHead: "head" },
    }));
    expect(sealed!.row.sealedAt).not.toBeNull();

    await expectRefused(
      h
        .ownerDb!.update(agreements)
        .set({ canonical: new TextEncoder().encode("{}") })
        .where(eq(agreements.id, row.id)),
      /frozen content/,
    );
    await expectRefused(
      h.ownerDb!.update(agreements).set({ sealSignature: "forged" }).where(eq(agreements.id, row.id)),
      /sealed agreement cannot change/,
    );
    await expectRefused(h.ownerDb!.delete(agreements).where(eq(agreements.id, row.id)), /evidence/);
    await expectRefused(
      h.ownerDb!.update(agreementEvents).set({ hash: "x" }).where(eq(agreementEvents.agreementId, row.id)),
      /append-only/,
    );
    await expectRefused(h.ownerDb!.delete(agreementEvents).where(eq(agreementEvents.agreementId, row.id)), /append-only/);

    // Sealing again through the queries writes nothing: the row is sealed already.
    const again = await changeAgreementLocked(h.ownerDb!, row.id, (r) => (r.sealedAt ? null : { events: [] }));
    expect(again!.change).toBeNull();
    const back = (await findAgreement(h.ownerDb!, row.id))!;
    expect(back.sealSignature).toBe("sig");
    expect(sha(back.canonical)).toBe(back.fingerprint);
  });

  it("gives concurrent preparations of one case versions n+1 and n+2", async () => {
    const [c] = await h
      .ownerDb!.insert(cases)
      .values({ organisationId: await testOrganisation(h.ownerDb!), employeeName: "Y", track: "employed" })
      .returning();
    const make = () =>
      createAgreementVersion(h.ownerDb!, c!.id, (existing) => ({
        row: {
          caseId: c!.id,
          version: (existing.at(-1)?.version ?? 0) + 1,
          canonical: CANONICAL,
          fingerprint: sha(CANONICAL),
          requiredSigners: ["employee"],
        },
        firstEvent: event(1, "prepared"),
      }));
    const rows = await Promise.all([make(), make(), make()]);
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });
});

let organisationId: string | undefined;
/** One organisation for this file's cases. */
async function testOrganisation(db: NonNullable<typeof h.ownerDb>): Promise<string> {
  organisationId ??= (await db.insert(organisations).values({ name: "Test", country: "DK" }).returning())[0]!.id;
  return organisationId;
}
