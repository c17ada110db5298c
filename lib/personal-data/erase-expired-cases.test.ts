import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { findCaseErasure } from "@/db/queries/erasure";
import { findOrganisationOfCase } from "@/db/queries/organisations";
import { cases, organisations } from "@/db/schema";
import { useTempDataDir } from "../auth/testing";
import { queueDataLifecycleJobs, runDueJobs } from "../system/work-jobs";
import { createFixtureCase } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { eraseExpiredCases } from "./erase-expired-cases";

/**
 * Issue 16, retention: a case closed longer ago than its organisation keeps closed cases is erased
 * by the job runner; one closed more recently, or open, is kept; an organisation's own retention
 * wins over the installation's default (CLOSED_CASE_RETENTION_DAYS, five years).
 */

let tdb: TestDatabase;
const today = dateInZone(new Date());
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

async function closedCase(closedOn: string | null): Promise<string> {
  const fx = await createFixtureCase();
  if (closedOn)
    await (await getDb()).update(cases).set({ state: "closed", outcome: "full_return", closedOn }).where(eq(cases.id, fx.caseId));
  return fx.caseId;
}

describe("eraseExpiredCases", () => {
  it("erases cases closed longer than five years ago and keeps the rest", async () => {
    const old = await closedCase(addDays(today, -(5 * 365 + 10)));
    const recent = await closedCase(addDays(today, -(5 * 365 - 10)));
    const open = await closedCase(null);
    const { erased } = await eraseExpiredCases();
    expect(erased).toEqual([old]);
    const db = await getDb();
    expect(await findCase(db, old)).toBeNull();
    expect(await findCaseErasure(db, old)).toMatchObject({ erasedBy: "retention", reason: expect.stringContaining("retention") });
    expect(await findCase(db, recent)).not.toBeNull();
    expect(await findCase(db, open)).not.toBeNull();
    expect((await eraseExpiredCases()).erased).toEqual([]);
  });

  it("follows the organisation's own retention, and runs as the daily job", async () => {
    const caseId = await closedCase(addDays(today, -40));
    const db = await getDb();
    const org = await findOrganisationOfCase(db, caseId);
    await db.update(organisations).set({ closedCaseRetentionDays: 30 }).where(eq(organisations.id, org!.id));
    try {
      await queueDataLifecycleJobs();
      // Queued twice on the same day: one job each.
      await queueDataLifecycleJobs();
      expect(await runDueJobs()).toBe(2);
      expect(await findCase(db, caseId)).toBeNull();
    } finally {
      await db.update(organisations).set({ closedCaseRetentionDays: null }).where(eq(organisations.id, org!.id));
    }
  });
});
