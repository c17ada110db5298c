// Starts the app for Playwright exactly as `npm start` does, on a fresh data folder and, when
// DATABASE_URL points at a PostgreSQL server, on a fresh database of its own (dropped on exit),
// set up as docs/database-roles.md asks of production: an owner role that runs the migrations
// (DATABASE_OWNER_URL) and an application role that owns nothing (DATABASE_URL). The server
// refuses, in production, to run as a role that could switch off the evidence guards.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";
rmSync(dataDir, { recursive: true, force: true });

// A short case list page, so the paging spec needs only a few cases (e2e/case-lifecycle.spec.ts).
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  CASE_LIST_PAGE_SIZE: process.env.CASE_LIST_PAGE_SIZE ?? "3",
};
let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const base = process.env.DATABASE_URL;
  const name = `stepwise_e2e_${randomBytes(5).toString("hex")}`;
  const owner = { role: `${name}_owner`, password: randomBytes(18).toString("hex") };
  const app = { role: `${name}_app`, password: randomBytes(18).toString("hex") };
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  // Leftovers of runs that were killed before they could clean up. Not WITH (FORCE): another run
  // on this machine (another port) may be using its database right now; a database still in use
  // refuses to be dropped, and is left alone. A role whose database is gone is a leftover too
  // (each run creates its database before its roles).
  const old = await admin`select datname from pg_database where datname like 'stepwise_e2e_%'`;
  for (const { datname } of old) await admin.unsafe(`drop database if exists ${datname}`).catch(() => {});
  const roles =
    await admin`select rolname from pg_roles where rolname like 'stepwise\_e2e\_%' and regexp_replace(rolname, '_(owner|app)$', '') not in (select datname from pg_database)`;
  for (const { rolname } of roles) await admin.unsafe(`drop role if exists ${rolname}`).catch(() => {});
  await admin.unsafe(`create database ${name}`);
  await admin.unsafe(`create role ${owner.role} login password '${owner.password}'`);
  await admin.unsafe(`create role ${app.role} login password '${app.password}'`);
  await admin.unsafe(`alter database ${name} owner to ${owner.role}`);
  await admin.end();
  const urlFor = (who) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    url.username = who.role;
    url.password = who.password;
    return url.toString();
  };
  env.DATABASE_URL = urlFor(app);
  env.DATABASE_OWNER_URL = urlFor(owner);
  // Hold one connection for the whole run: another run's clean-up above drops every e2e database
  // not in use, and ours is not in use while the app is still being built.
  const holder = postgres(env.DATABASE_OWNER_URL, { max: 1, onnotice: () => {} });
  await holder`select 1`;
  env.SEED_DEMO = "1";
  // For specs that play an attacker with the owner's rights (e2e/agreement-evidence.spec.ts).
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, "e2e-database.json"), JSON.stringify({ ownerUrl: env.DATABASE_OWNER_URL }), { mode: 0o600 });
  dropDb = async () => {
    await holder.end({ timeout: 1 }).catch(() => {});
    const a = postgres(base, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await a.unsafe(`drop role if exists ${app.role}`).catch(() => {});
    await a.unsafe(`drop role if exists ${owner.role}`).catch(() => {});
    await a.end();
  };
}

const child = spawn("node_modules/.bin/tsx", ["server/main.ts"], { env, stdio: "inherit" });
const forward = (sig) => () => child.kill(sig);
process.on("SIGTERM", forward("SIGTERM"));
process.on("SIGINT", forward("SIGINT"));
child.on("exit", async (code) => {
  await dropDb();
  process.exit(code ?? 0);
});
