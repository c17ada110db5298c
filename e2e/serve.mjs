// Starts the app for Playwright exactly as `npm start` does, on a fresh data folder and, when
// DATABASE_URL points at a PostgreSQL server, on a fresh database of its own (dropped on exit).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import postgres from "postgres";

const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";
rmSync(dataDir, { recursive: true, force: true });

const env = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const base = process.env.DATABASE_URL;
  const name = `stepwise_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  // Leftovers of runs that were killed before they could clean up. Not WITH (FORCE): another run
  // on this machine (another port) may be using its database right now; a database still in use
  // refuses to be dropped, and is left alone.
  const old = await admin`select datname from pg_database where datname like 'stepwise_e2e_%'`;
  for (const { datname } of old) await admin.unsafe(`drop database if exists ${datname}`).catch(() => {});
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.SEED_DEMO = "1";
  dropDb = async () => {
    const a = postgres(base, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
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
