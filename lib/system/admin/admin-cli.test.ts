import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/db/scratch-database";
import { findOrganisation } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import { organisations, users } from "@/db/schema";
import { ALL_ORGANISATIONS } from "@/db/organisation-scope";

/**
 * The real CLI (`server/admin.ts`, as `npm run admin` runs it) against a scratch database: a fresh
 * PostgreSQL database with the owner and application roles when DATABASE_URL is set, else a fresh
 * PGlite data folder (read only after the CLI has exited: PGlite has one process).
 */
const root = path.resolve(import.meta.dirname, "../../..");
let scratch: ScratchDatabase | null = null;
let dataDir: string;
let childEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "stepwise-admin-"));
  childEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_OWNER_URL;
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, "stepwise_admin");
    childEnv.DATABASE_URL = scratch.appUrl;
    childEnv.DATABASE_OWNER_URL = scratch.ownerUrl;
  }
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

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = scratch
    ? await openDatabase({ databaseUrl: scratch.appUrl, outsideScope: ALL_ORGANISATIONS })
    : await openDatabase({ dataDir, outsideScope: ALL_ORGANISATIONS });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

// Each run starts a Node process (and, on PGlite, opens the data folder): several seconds apiece.
describe("npm run admin", { timeout: 240_000 }, () => {
  it("creates an organisation and a staff member in it, answering with exactly one line of JSON", async () => {
    const org = await admin("org:create", "--name", "NAV Grünerløkka", "--country", "NO");
    expect(org).toMatchObject({ code: 0 });
    expect(org.stdout).toMatch(/^\{"orgId":"[0-9a-f-]{36}"\}\n$/);
    const { orgId } = JSON.parse(org.stdout) as { orgId: string };
    const staff = await admin(
      "staff:add",
      "--org",
      orgId,
      "--email",
      " Kari.Lead@NAV.example ",
      "--name",
      "Kari Nordmann",
      "--role",
      "team_lead",
    );
    expect(staff).toMatchObject({ code: 0 });
    expect(staff.stdout).toMatch(/^\{"staffId":"[^"]+"\}\n$/);
    const { staffId } = JSON.parse(staff.stdout) as { staffId: string };
    const again = await admin("staff:add", "--org", orgId, "--email", "kari.lead@nav.example", "--name", "Kari", "--role", "admin");
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("--email is already a staff member");
    await withDb(async (h) => {
      expect(await findOrganisation(h.db, orgId)).toMatchObject({ name: "NAV Grünerløkka", country: "NO" });
      expect(await findUserByEmail(h.db, "kari.lead@nav.example")).toMatchObject({
        id: staffId,
        name: "Kari Nordmann",
        staffRole: "team_lead",
        organisationId: orgId,
        deactivatedAt: null,
      });
    });
  });

  it("refuses wrong use with exit code 2, says why on stderr, and writes nothing", async () => {
    const before = await withDb(async (h) => ({
      orgs: (await h.db.select().from(organisations)).length,
      users: (await h.db.select().from(users)).length,
    }));
    const cases: [string[], RegExp][] = [
      [[], /Usage: npm run admin/],
      [["org:destroy"], /Unknown command "org:destroy"/],
      [["org:create", "--name", "X"], /missing --country/],
      [["org:create", "--name", "X", "--country", "SE"], /--country must be one of DK, NO/],
      [["org:create", "--name", "X", "--country", "DK", "--colour", "red"], /colour/],
      [["org:create", "--name", "   ", "--country", "DK"], /missing --name/],
      [
        ["staff:add", "--org", "00000000-0000-4000-8000-000000000000", "--email", "a@b.example", "--name", "A", "--role", "caseworker"],
        /--org names no organisation/,
      ],
      [["staff:add", "--org", "nope", "--email", "a@b.example", "--name", "A", "--role", "caseworker"], /--org names no organisation/],
      [
        ["staff:add", "--org", "00000000-0000-4000-8000-000000000000", "--email", "not-an-address", "--name", "A", "--role", "caseworker"],
        /--email is not an e-mail address/,
      ],
      [
        ["staff:add", "--org", "00000000-0000-4000-8000-000000000000", "--email", "a@b.example", "--name", "A", "--role", "boss"],
        /--role must be one of caseworker, team_lead, admin/,
      ],
    ];
    // At once: only one of them opens the database (an id that names no organisation).
    const runs = await Promise.all(cases.map(([args]) => admin(...args)));
    cases.forEach(([args, why], i) => {
      expect(runs[i]!.code, args.join(" ")).toBe(2);
      expect(runs[i]!.stdout, args.join(" ")).toBe("");
      expect(runs[i]!.stderr, args.join(" ")).toMatch(why);
    });
    await withDb(async (h) => {
      expect((await h.db.select().from(organisations)).length).toBe(before.orgs);
      expect((await h.db.select().from(users)).length).toBe(before.users);
    });
  });
});
