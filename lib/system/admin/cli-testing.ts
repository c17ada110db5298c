import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "@/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/db/scratch-database";

/**
 * The real CLI (`server/admin.ts`, as `npm run admin` runs it) against a scratch database: a fresh
 * PostgreSQL database with the owner and application roles when DATABASE_URL is set, else a fresh
 * PGlite data folder (opened by `withDb` only between runs: PGlite has one process).
 */
export type CliRun = { code: number; stdout: string; stderr: string };
export type CliBench = {
  admin(...args: string[]): Promise<CliRun>;
  withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../../..");

export async function startCliBench(prefix: string, extraEnv: Record<string, string> = {}): Promise<CliBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_OWNER_URL;
  let scratch: ScratchDatabase | null = null;
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, prefix.replace(/\W/g, "_"));
    childEnv.DATABASE_URL = scratch.appUrl;
    childEnv.DATABASE_OWNER_URL = scratch.ownerUrl;
  }
  return {
    admin: (...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "server/admin.ts", ...args],
          { cwd: root, env: childEnv },
          (error, stdout, stderr) => {
            resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
          },
        );
      }),
    async withDb(fn) {
      const h = scratch ? await openDatabase({ databaseUrl: scratch.appUrl, ownerUrl: scratch.ownerUrl }) : await openDatabase({ dataDir });
      try {
        return await fn(h);
      } finally {
        await h.close();
      }
    },
    async drop() {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
