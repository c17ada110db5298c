import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDatabase, type DbHandle } from "../client";
import { accessLogRepeats, cases, organisations } from "../schema";
import { countAccessLogForCase, listAccessLogForCase, recordRepeatableAccess } from "./access-log";
import { ALL_ORGANISATIONS } from "../organisation-scope";

/** A database of its own (PGlite in memory): db/ tests may not use lib/'s helpers. */
let h: DbHandle;
beforeAll(async () => {
  h = await openDatabase({ inMemory: true, outsideScope: ALL_ORGANISATIONS });
});
afterAll(async () => {
  await h.close();
});

async function newCase(): Promise<string> {
  const [c] = await h.db
    .insert(cases)
    .values({ organisationId: await testOrganisation(h.db), employeeName: "X", track: "employed" })
    .returning();
  return c!.id;
}

const open = (caseId: string, actorId = "p-1", resourceId: string | null = "m-1") => ({
  caseId,
  actorKind: "participant",
  actorId,
  actorName: "Lars",
  actorRole: "manager",
  what: "meeting_doc",
  resourceId,
  purpose: "meeting",
});
const longAgo = () => new Date(Date.now() - 3_600_000);

describe("recordRepeatableAccess", () => {
  it("counts repeated showings since the window's start on one row, and starts a new row after it", async () => {
    const caseId = await newCase();
    expect(await recordRepeatableAccess(h.db, open(caseId), longAgo())).toBe("new");
    expect(await recordRepeatableAccess(h.db, open(caseId), longAgo())).toBe("merged");
    expect(await recordRepeatableAccess(h.db, open(caseId), longAgo())).toBe("merged");
    let rows = await listAccessLogForCase(h.db, { caseId, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 3 });
    expect(rows[0]!.lastAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.at.getTime());
    // The window starts after that row began: a new row.
    expect(await recordRepeatableAccess(h.db, open(caseId), new Date(Date.now() + 1_000))).toBe("new");
    rows = await listAccessLogForCase(h.db, { caseId, limit: 10 });
    expect(rows.map((r) => r.count)).toEqual([1, 3]);
  });

  it("keeps different people, documents and resource-less showings apart", async () => {
    const caseId = await newCase();
    await recordRepeatableAccess(h.db, open(caseId, "p-1"), longAgo());
    await recordRepeatableAccess(h.db, open(caseId, "p-2"), longAgo());
    await recordRepeatableAccess(h.db, open(caseId, "p-1", "m-2"), longAgo());
    await recordRepeatableAccess(h.db, open(caseId, "p-1", null), longAgo());
    await recordRepeatableAccess(h.db, open(caseId, "p-1", null), longAgo());
    const rows = await listAccessLogForCase(h.db, { caseId, limit: 10 });
    expect(rows.map((r) => `${r.actorId}/${r.resourceId}/${r.count}`).sort()).toEqual([
      "p-1/m-1/1",
      "p-1/m-2/1",
      "p-1/null/2",
      "p-2/m-1/1",
    ]);
  });

  it("makes one row of a burst of concurrent showings", async () => {
    const caseId = await newCase();
    await Promise.all(Array.from({ length: 12 }, () => recordRepeatableAccess(h.db, open(caseId), longAgo())));
    const rows = await listAccessLogForCase(h.db, { caseId, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(12);
  });
});

describe("listing a page", () => {
  it("pages newest first with an offset, filters by kind, and counts the same rows", async () => {
    const caseId = await newCase();
    for (let i = 0; i < 5; i++) {
      await h.db.execute(
        sql`insert into access_log (case_id, actor_kind, actor_id, actor_name, actor_role, what, purpose, at) values (${caseId}, 'participant', ${`p-${i}`}, 'N', 'manager', ${i === 2 ? "agreement_pdf" : "meeting_room"}, 'meeting', ${new Date(Date.now() - (5 - i) * 60_000).toISOString()})`,
      );
    }
    const first = await listAccessLogForCase(h.db, { caseId, limit: 2 });
    const second = await listAccessLogForCase(h.db, { caseId, limit: 2, offset: 2 });
    expect([...first, ...second].map((r) => r.actorId)).toEqual(["p-4", "p-3", "p-2", "p-1"]);
    expect(await countAccessLogForCase(h.db, { caseId })).toBe(5);
    const pdf = await listAccessLogForCase(h.db, { caseId, limit: 10, what: ["agreement_pdf"] });
    expect(pdf.map((r) => r.actorId)).toEqual(["p-2"]);
    expect(await countAccessLogForCase(h.db, { caseId, what: ["agreement_pdf"] })).toBe(1);
    expect(await countAccessLogForCase(h.db, { caseId, excludeActor: { kind: "participant", id: "p-0" } })).toBe(4);
  });
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

describe("access-log counts are evidence too", () => {
  it("may only count up: no lower count, no earlier last showing, no delete, no truncate", async () => {
    const caseId = await newCase();
    await recordRepeatableAccess(h.db, open(caseId), longAgo());
    await recordRepeatableAccess(h.db, open(caseId), longAgo());
    const [r] = await h.db.select().from(accessLogRepeats);
    const id = r!.accessLogId;
    await expectRefused(h.db.update(accessLogRepeats).set({ count: 1 }).where(eq(accessLogRepeats.accessLogId, id)), /only grow/);
    await expectRefused(
      h.db
        .update(accessLogRepeats)
        .set({ lastAt: new Date(0) })
        .where(eq(accessLogRepeats.accessLogId, id)),
      /only grow/,
    );
    await expectRefused(h.db.delete(accessLogRepeats).where(eq(accessLogRepeats.accessLogId, id)), /evidence|permission denied/);
    await expectRefused(h.db.execute(sql`truncate access_log_repeats`), /append-only|permission denied/);
  });
});

let organisationId: string | undefined;
/** One organisation for this file's cases. */
async function testOrganisation(db: typeof h.db): Promise<string> {
  organisationId ??= (await db.insert(organisations).values({ name: "Test", country: "DK" }).returning())[0]!.id;
  return organisationId;
}
