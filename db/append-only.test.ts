import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDatabase, type DbHandle } from "./client";
import { accessLog, agreementEvents, agreements, cases, organisations } from "./schema";
import { ALL_ORGANISATIONS } from "./organisation-scope";

/** A database of its own (PGlite in memory): db/ tests may not use lib/'s helpers. */
let h: DbHandle;
beforeAll(async () => {
  h = await openDatabase({ inMemory: true, outsideScope: ALL_ORGANISATIONS });
});
afterAll(async () => {
  await h.close();
});

/** drizzle wraps the driver's error ("Failed query: …"); the trigger's message is its cause. */
async function expectRefused(p: Promise<unknown>, re: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as Error & { cause?: Error },
  );
  expect(e, "the statement should have been refused").not.toBeNull();
  expect(`${e!.message} ${e!.cause?.message ?? ""}`).toMatch(re);
}

async function newCase(): Promise<string> {
  const [c] = await h
    .ownerDb!.insert(cases)
    .values({ organisationId: await testOrganisation(h.ownerDb!), employeeName: "X", track: "employed" })
    .returning();
  return c!.id;
}

describe("append-only evidence", () => {
  it("refuses UPDATE and DELETE of access-log rows", async () => {
    const caseId = await newCase();
    const [row] = await h
      .ownerDb!.insert(accessLog)
      .values({
        caseId,
        actorKind: "participant",
        actorId: "p",
        actorName: "A",
        actorRole: "manager",
        what: "meeting_room",
        purpose: "meeting",
      })
      .returning();
    await expectRefused(h.ownerDb!.update(accessLog).set({ actorName: "B" }).where(eq(accessLog.id, row!.id)), /append-only/);
    await expectRefused(h.ownerDb!.delete(accessLog).where(eq(accessLog.id, row!.id)), /append-only/);
    await expectRefused(h.ownerDb!.execute(sql`truncate access_log cascade`), /append-only/);
  });

  it("keeps an agreement's frozen bytes, refuses changes once sealed, and never deletes it", async () => {
    const caseId = await newCase();
    const [a] = await h
      .ownerDb!.insert(agreements)
      .values({ caseId, version: 1, canonical: new Uint8Array([123, 125]), fingerprint: "f", requiredSigners: ["employee"] })
      .returning();
    await expectRefused(
      h
        .ownerDb!.update(agreements)
        .set({ canonical: new Uint8Array([91, 93]) })
        .where(eq(agreements.id, a!.id)),
      /frozen content/,
    );
    await h
      .ownerDb!.update(agreements)
      .set({ sealedAt: new Date(), sealKid: "k", sealSignature: "s", chainHead: "h" })
      .where(eq(agreements.id, a!.id));
    await expectRefused(h.ownerDb!.update(agreements).set({ sealSignature: "other" }).where(eq(agreements.id, a!.id)), /sealed/);
    await expectRefused(h.ownerDb!.delete(agreements).where(eq(agreements.id, a!.id)), /evidence/);
    const [again] = await h.ownerDb!.select().from(agreements).where(eq(agreements.id, a!.id));
    expect(Array.from(again!.canonical)).toEqual([123, 125]);
    expect(again!.sealSignature).toBe("s");
  });

  it("refuses UPDATE and DELETE of agreement events", async () => {
    const caseId = await newCase();
    const [a] = await h
      .ownerDb!.insert(agreements)
      .values({ caseId, version: 1, canonical: new Uint8Array([123, 125]), fingerprint: "f", requiredSigners: [] })
      .returning();
    const [e] = await h
      .ownerDb!.insert(agreementEvents)
      .values({ agreementId: a!.id, seq: 1, type: "prepared", at: new Date(), hash: "h", data: new Uint8Array([1]) })
      .returning();
    await expectRefused(h.ownerDb!.update(agreementEvents).set({ hash: "x" }).where(eq(agreementEvents.id, e!.id)), /append-only/);
    await expectRefused(h.ownerDb!.delete(agreementEvents).where(eq(agreementEvents.id, e!.id)), /append-only/);
  });
});

let organisationId: string | undefined;
/** One organisation for this file's cases. */
async function testOrganisation(db: NonNullable<typeof h.ownerDb>): Promise<string> {
  organisationId ??= (await db.insert(organisations).values({ name: "Test", country: "DK" }).returning())[0]!.id;
  return organisationId;
}
