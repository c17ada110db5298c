import { getDatabase } from "@/db/client";
import { withAllOrganisations } from "@/db/organisation-scope";
import { countCases } from "@/db/queries/cases";
import { readDurabilitySettings } from "@/db/queries/durability";
import { findBootstrapOrganisation } from "@/db/queries/organisations";
import { syncBootstrapOrganisation } from "../organisations/bootstrap-organisation";
import { ensureDemo, type DemoLinks } from "../demo/seed-demo";
import { provisionCaseworkersFromEnv } from "../auth/provision-caseworkers-from-env";
import { databaseRoleProblems, PrivilegedDatabaseRoleError } from "./check-database-role";
import { existsSync } from "node:fs";
import path from "node:path";

export type PreparedData = {
  kind: "postgres" | "pglite";
  where: string;
  demo: DemoLinks | null;
  seeded: boolean;
  warnings: string[];
};

/**
 * Open the database (migrations run on open), check that it keeps what it commits and that the
 * application's role cannot switch off the evidence guards, and seed the demo: on the embedded
 * database on first start, on PostgreSQL only when SEED_DEMO=1.
 *
 * `refusePrivilegedRole` (the server in production): a role that could unguard the evidence
 * stops the start (PrivilegedDatabaseRoleError); otherwise it is a loud warning. PGlite has one
 * user by design and is not checked (docs/database-roles.md says what it protects).
 */
export async function prepareData(input: {
  dataDir: string;
  baseUrl: string;
  seedDemo: boolean;
  refusePrivilegedRole?: boolean;
}): Promise<PreparedData> {
  // Start-up looks at every organisation (the bootstrap one, whether any case exists yet, the demo).
  return withAllOrganisations(() => prepare(input));
}

async function prepare(input: {
  dataDir: string;
  baseUrl: string;
  seedDemo: boolean;
  refusePrivilegedRole?: boolean;
}): Promise<PreparedData> {
  const handle = await getDatabase();
  const warnings: string[] = [];
  if (handle.kind === "postgres") {
    const d = await readDurabilitySettings(handle.db);
    if (d.fsync !== "on") warnings.push(`PostgreSQL has fsync=${d.fsync}: committed edits can be lost on a crash.`);
    if (d.synchronousCommit !== "on") {
      warnings.push(`PostgreSQL has synchronous_commit=${d.synchronousCommit}: the last edits can be lost on a crash.`);
    }
    const roleProblems = await databaseRoleProblems(handle.db);
    if (roleProblems.length > 0) {
      if (input.refusePrivilegedRole) throw new PrivilegedDatabaseRoleError(roleProblems);
      warnings.push(
        `The database role in DATABASE_URL could switch off the evidence guards (docs/database-roles.md): ${roleProblems.join(" ")}`,
      );
    }
  }
  // An installation upgraded from one organisation: its organisation takes the environment's name.
  if (await findBootstrapOrganisation(handle.db)) await syncBootstrapOrganisation(handle.db);
  await provisionCaseworkersFromEnv();
  const hasDemoFile = existsSync(path.join(input.dataDir, "demo-links.json"));
  const firstStart = handle.kind === "pglite" && (await countCases(handle.db)) === 0;
  const wantDemo = handle.kind === "pglite" ? firstStart || hasDemoFile : input.seedDemo;
  let demo: DemoLinks | null = null;
  let seeded = false;
  if (wantDemo) {
    const r = await ensureDemo({ dataDir: input.dataDir, baseUrl: input.baseUrl });
    demo = r.links;
    seeded = r.seeded;
  }
  return { kind: handle.kind, where: handle.where, demo, seeded, warnings };
}
