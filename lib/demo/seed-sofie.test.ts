import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { ensureDemo } from "./seed-demo";
import { countryOfCase } from "../organisations/country-of-case";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { referralReadiness } from "../plan/rehab-referral";
import { loadDocument } from "../collab-store/load-document";
import { readMeetingDoc } from "../collab/read-meeting-doc";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

describe("the Norwegian demo case (issue 17)", () => {
  it("seeds Sofie at a NAV office: tasks judged three ways, a measure tried and found impossible, a signed follow-up plan, today's dialogue meeting 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stepwise-demo-"));
    const { links } = await ensureDemo({ dataDir: dir, baseUrl: "http://localhost:3999" });
    const no = links.no!;
    expect(Object.keys(no.links).sort()).toEqual(["caseworker", "employee", "manager", "observer", "union_rep"]);
    expect(no.agreementBundles).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(dir, "demo-links.json"), "utf8")).no).toEqual(no);

    const caseId = new URL(no.caseUrl).pathname.split("/").pop()!;
    expect(await countryOfCase(caseId)).toBe("NO");
    const binding = bindingOf(await loadCaseAgreements(caseId))!;
    const plan = binding.content.plan.followUpPlan!;
    expect(plan.workTasks.map((t) => t.judgement)).toEqual(["can", "adapt", "cannot"]);
    expect(plan.tried).toHaveLength(1);
    expect(plan.tried[0]!.whyNot).not.toBe("");
    expect(referralReadiness(plan).complete).toBe(true);

    // Today's dialogue meeting 2 starts from the signed plan, in Norwegian.
    const meetingId = new URL(no.meetingUrl).pathname.split("/").pop()!;
    const view = readMeetingDoc((await loadDocument(`meeting-${meetingId}`))!.doc);
    expect(view.plan.followUpPlan.workTasks).toHaveLength(3);
    expect(view.agenda[0]!.title).toMatch(/Velkommen/);

    // A restart keeps the same case and links.
    const again = await ensureDemo({ dataDir: dir, baseUrl: "http://localhost:3999" });
    expect(again.links.no!.caseUrl).toBe(no.caseUrl);
    expect(again.links.no!.links.manager).toBe(no.links.manager);
  });
});
