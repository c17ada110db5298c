import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAnswersForMeetings, listProgressOfCase, listReadReceipts } from "@/db/queries/followup";
import { meetingDocName } from "../collab/doc-names";
import { readReview } from "../collab/review";
import { loadDocument } from "../collab-store/load-document";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { ensureDemo } from "./seed-demo";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("Kurt's demo follows up his first agreement", () => {
  it("prepares today's meeting from the signed agreement, with recorded progress, answers and read receipts, once", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stepwise-demo-"));
    const { links } = await ensureDemo({ dataDir: dir, baseUrl: "http://localhost:3999" });
    expect(links.caseUrl).toMatch(/^http:\/\/localhost:3999\/cases\/[0-9a-f-]{36}$/);
    const caseId = links.caseUrl!.split("/").pop()!;
    const meetingId = links.meetingUrl.split("/").pop()!;

    const binding = bindingOf(await loadCaseAgreements(caseId))!;
    expect(binding.version).toBe(1);
    const loaded = await loadDocument(meetingDocName(meetingId));
    const review = readReview(loaded!.doc)!;
    loaded!.doc.destroy();
    expect(review.basis.agreementId).toBe(binding.id);
    expect(review.items).toHaveLength(binding.content.actions.length + binding.content.plan.subGoals.length);

    const db = await getDb();
    const progress = await listProgressOfCase(db, caseId);
    expect(progress).toHaveLength(8);
    expect(new Set(progress.map((p) => p.subGoalId))).toEqual(new Set(binding.content.plan.subGoals.map((g) => g.id)));
    expect(await listAnswersForMeetings(db, [meetingId])).toHaveLength(3);
    expect(await listReadReceipts(db, [binding.id])).toHaveLength(3);

    // A restart adds nothing twice and keeps caseUrl.
    const again = await ensureDemo({ dataDir: dir, baseUrl: "http://127.0.0.1:4000" });
    expect(again.links.caseUrl).toBe(`http://127.0.0.1:4000/cases/${caseId}`);
    expect(await listProgressOfCase(db, caseId)).toHaveLength(8);
    expect(await listAnswersForMeetings(db, [meetingId])).toHaveLength(3);
  });
});
