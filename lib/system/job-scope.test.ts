import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { NO_ORGANISATION, withAllOrganisations } from "@/db/organisation-scope";
import { findOutboxMail } from "@/db/queries/outbox";
import { outboxFiles, useTempDataDir } from "../auth/testing";
import { ensureDemo } from "../demo/seed-demo";
import { queueMail } from "../mail/queue-mail";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { JOB_HANDLERS } from "./job-handlers";
import { runDueJobs } from "./work-jobs";

/**
 * Jobs run in no organisation, where the database shows no case data (row-level security, default
 * deny): each job enters the scope it works in — a mail its participant's organisation, the
 * reminder scan each organisation in turn — or says why it spans them (job-handlers.ts).
 */
let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase({ outsideScope: NO_ORGANISATION });
  // The demo seeds itself across organisations, as at start-up.
  await ensureDemo({ dataDir: mkdtempSync(path.join(tmpdir(), "stepwise-job-scope-")), baseUrl: "http://localhost:3999" });
});
afterAll(async () => {
  await tdb.drop();
});

const attempt = { retryCount: 0, retryLimit: 5 };
const stateOf = (id: string) => withAllOrganisations(async () => (await findOutboxMail(await getDb(), id))?.state);

describe("jobs in an organisation's scope", () => {
  it("the reminder scan finds each organisation's cases, and their mails are sent in their participants' organisation", async () => {
    const before = outboxFiles().length;
    await JOB_HANDLERS["reminders.scan"]({}, attempt);
    // The demo's binding agreement has overdue actions for two people: their mails were queued ...
    expect(await runDueJobs()).toBeGreaterThanOrEqual(2);
    // ... and each was read and delivered by a job that ran outside any organisation.
    expect(outboxFiles().length).toBeGreaterThanOrEqual(before + 2);
  });

  it("a mail that is nobody's case data (a sign-in link) is sent from outside every organisation", async () => {
    const id = await queueMail({ to: "anne@kommune.example", subject: "Log ind", text: "http://localhost/link" });
    expect(await runDueJobs()).toBe(1);
    expect(await stateOf(id)).toBe("sent");
  });

  it("housekeeping and retention run across organisations, as they say", async () => {
    await expect(JOB_HANDLERS["data.housekeeping"]({}, attempt)).resolves.toBeUndefined();
    await expect(JOB_HANDLERS["data.retention"]({}, attempt)).resolves.toBeUndefined();
  });
});
