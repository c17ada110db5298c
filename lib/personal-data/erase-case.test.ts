import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { findCaseErasure } from "@/db/queries/erasure";
import { useTempDataDir } from "../auth/testing";
import { captureLogs } from "../log/logger";
import { outboxDir } from "../mail/deliver-mail";
import { runDueJobs } from "../system/work-jobs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { eraseCase } from "./erase-case";
import { asDumpedBytes, createRichCase, dumpWholeDatabase, type RichCase } from "./testing";

/**
 * Issue 16, erasure: after a case is erased no table, no collaboration update log or snapshot, no
 * outbox file and no log line holds the person's name, e-mail, plan text or preparation — proved
 * on a dump of the whole database (pg_dump on PostgreSQL). A second case, left alone, shows that
 * the search would find the strings if they were there.
 */

let tdb: TestDatabase;
const logLines: string[] = [];
let stopCapture: () => void;
let erased: RichCase;
let kept: RichCase;

beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
  stopCapture = captureLogs({ write: (line: string) => void logLines.push(line) });
  erased = await createRichCase("Erased");
  kept = await createRichCase("Kept");
  // The mails are delivered: with no SMTP, into DATA_DIR/outbox.
  await runDueJobs();
});
afterAll(async () => {
  stopCapture();
  await tdb.drop();
});

const holds = (text: string, s: string) => text.includes(s) || text.includes(asDumpedBytes(s));
const outboxText = () =>
  readdirSync(outboxDir())
    .map((f) => `${f}\n${readFileSync(path.join(outboxDir(), f), "utf8")}`)
    .join("\n");

describe("eraseCase", () => {
  it("refuses an erasure without a reason, and a case that does not exist, and erases nothing", async () => {
    await expect(eraseCase(erased.caseId, "   ")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(eraseCase(erased.caseId, "")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(eraseCase(randomUUID(), "Art. 17 request")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eraseCase("not-a-case-id", "Art. 17 request")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findCase(await getDb(), erased.caseId)).not.toBeNull();
  });

  it("before: the dump and the outbox hold every string of both cases (the search finds them)", async () => {
    const dump = await dumpWholeDatabase(tdb);
    for (const c of [erased, kept]) {
      for (const [what, s] of Object.entries(c.strings)) expect(holds(dump, s), `${what} in the dump`).toBe(true);
    }
    expect(outboxText()).toContain(erased.strings.employeeEmail);
  });

  it("after: no table, update log, snapshot, outbox file or log line holds the erased case's strings; the other case is whole", async () => {
    const summary = await eraseCase(erased.caseId, "Den ansatte bad om sletning (art. 17)");
    expect(summary).toMatchObject({ caseId: erased.caseId, agreements: 1 });
    expect(summary.accessLogRows).toBeGreaterThan(0);
    expect(summary.outboxFiles).toBeGreaterThan(0);

    const dump = await dumpWholeDatabase(tdb);
    for (const [what, s] of Object.entries(erased.strings)) expect(holds(dump, s), `${what} left in the dump`).toBe(false);
    for (const [what, s] of Object.entries(kept.strings)) expect(holds(dump, s), `${what} of the other case`).toBe(true);

    const outbox = outboxText();
    for (const s of Object.values(erased.strings)) expect(outbox).not.toContain(s);
    expect(outbox).toContain(kept.strings.employeeEmail);

    const logs = logLines.join("");
    expect(logs).toContain("case erased");
    for (const s of Object.values(erased.strings)) expect(logs).not.toContain(s);
  });

  it("leaves one record of ids, times and fingerprints: agreement 1 of the case was sealed at T with fingerprint F", async () => {
    const record = await findCaseErasure(await getDb(), erased.caseId);
    expect(record).toMatchObject({ caseId: erased.caseId, reason: "Den ansatte bad om sletning (art. 17)", erasedBy: "cli" });
    expect(record!.agreements).toEqual([
      expect.objectContaining({
        version: 1,
        fingerprint: erased.fingerprint,
        sealedAt: expect.any(String),
        sealSignature: expect.any(String),
      }),
    ]);
    await expect(eraseCase(erased.caseId, "again")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the evidence guards: the record of an erasure cannot be changed, and no other case's evidence can be deleted", async () => {
    await expect(tdb.asOwner(`delete from case_erasures`)).rejects.toThrow(/append-only/);
    await expect(tdb.asOwner(`delete from access_log where case_id = '${kept.caseId}'`)).rejects.toThrow(/append-only/);
    // Even with the erasure's marker set by hand for another case, the rows of this one stay.
    // One statement that sets the marker first (for the erased case) and then deletes the other's.
    await expect(
      tdb.asOwner(
        `with m as (select set_config('stepwise.erasing_case', '${erased.caseId}', true) as v) delete from agreements where case_id = '${kept.caseId}' and exists (select v from m)`,
      ),
    ).rejects.toThrow(/not allowed/);
  });
});
