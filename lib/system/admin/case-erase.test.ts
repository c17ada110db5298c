import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { findCaseErasure } from "@/db/queries/erasure";
import { createScratchDatabase, type ScratchDatabase } from "@/db/scratch-database";
import { cases, organisations, participants } from "@/db/schema";
import { CLI_ERASE_REASON } from "./case-erase";
import { ALL_ORGANISATIONS } from "@/db/organisation-scope";

/**
 * `npm run admin -- case:erase` (issue 16), the real CLI against a scratch database: an unknown
 * case, a blank reason or a doubled case id is refused with exit code 2 and nothing erased; a known case is erased
 * and the answer is one line of JSON.
 */
const root = path.resolve(import.meta.dirname, "../../..");
let scratch: ScratchDatabase | null = null;
let dataDir: string;
let childEnv: NodeJS.ProcessEnv;
let caseId: string;
let secondCaseId: string;

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = scratch
    ? await openDatabase({ databaseUrl: scratch.appUrl, ownerUrl: scratch.ownerUrl, outsideScope: ALL_ORGANISATIONS })
    : await openDatabase({ dataDir, outsideScope: ALL_ORGANISATIONS });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "stepwise-erase-"));
  childEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_OWNER_URL;
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, "stepwise_erase");
    childEnv.DATABASE_URL = scratch.appUrl;
    childEnv.DATABASE_OWNER_URL = scratch.ownerUrl;
  }
  [caseId, secondCaseId] = await withDb(async ({ db }) => {
    const [org] = await db.insert(organisations).values({ name: "Jobcenter Test", country: "DK" }).returning();
    const ids: string[] = [];
    for (const name of ["Sigrid Erasable", "Ove Erasable"]) {
      const [c] = await db
        .insert(cases)
        .values({ employeeName: name, employer: "Erasable ApS", track: "employed", organisationId: org!.id })
        .returning();
      await db.insert(participants).values({ caseId: c!.id, role: "employee", displayName: name, email: "sigrid@erasable.example" });
      ids.push(c!.id);
    }
    return ids as [string, string];
  });
});
afterAll(async () => {
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };
function admin(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "server/admin.ts", ...args], { cwd: root, env: childEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("npm run admin -- case:erase", { timeout: 240_000 }, () => {
  it("refuses a blank reason, a missing or doubled case id and an unknown case with exit code 2, and erases nothing", async () => {
    const blankReason = await admin("case:erase", caseId, "--reason", " ");
    expect(blankReason).toMatchObject({ code: 2, stdout: "" });
    expect(blankReason.stderr).toContain("missing --reason");
    const noCase = await admin("case:erase");
    expect(noCase).toMatchObject({ code: 2, stdout: "" });
    expect(noCase.stderr).toContain("missing --case");
    const twoIds = await admin("case:erase", caseId, secondCaseId);
    expect(twoIds).toMatchObject({ code: 2, stdout: "" });
    const both = await admin("case:erase", caseId, "--case", secondCaseId);
    expect(both).toMatchObject({ code: 2, stdout: "" });
    const unknown = await admin("case:erase", "--case", randomUUID(), "--reason", "Art. 17");
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toContain("no such case");
    const notAnId = await admin("case:erase", "--case", "12", "--reason", "Art. 17");
    expect(notAnId.code).toBe(2);
    expect(await withDb(({ db }) => findCase(db, caseId))).not.toBeNull();
    expect(await withDb(({ db }) => findCase(db, secondCaseId))).not.toBeNull();
  });

  it("takes the case id as the issue writes it, `case:erase <caseId>`, and keeps a reason saying the operator erased it", async () => {
    const done = await admin("case:erase", secondCaseId);
    expect(done, done.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(done.stdout)).toMatchObject({ caseId: secondCaseId });
    await withDb(async ({ db }) => {
      expect(await findCase(db, secondCaseId)).toBeNull();
      expect(await findCaseErasure(db, secondCaseId)).toMatchObject({ erasedBy: "cli", reason: CLI_ERASE_REASON });
    });
  });

  it("erases a case and answers with one line of JSON", async () => {
    const done = await admin("case:erase", "--case", caseId, "--reason", "Anmodning om sletning (art. 17)");
    expect(done, done.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(done.stdout)).toMatchObject({ caseId, agreements: 0, accessLogRows: 0 });
    expect(done.stdout).not.toContain("Sigrid");
    await withDb(async ({ db }) => {
      expect(await findCase(db, caseId)).toBeNull();
      expect(await findCaseErasure(db, caseId)).toMatchObject({ erasedBy: "cli", reason: "Anmodning om sletning (art. 17)" });
    });
  });
});
