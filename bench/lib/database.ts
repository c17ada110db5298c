import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A fresh PostgreSQL database per run (method §3: "a fresh database and server each time"),
 * created on the machine's PostgreSQL and dropped afterwards.
 */
export const BASE_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { url: string; name: string; drop(): Promise<void> };

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `stepwise_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(BASE_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const a = postgres(BASE_DATABASE_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Drop databases a crashed earlier bench left behind. */
export async function dropStaleBenchDatabases(): Promise<void> {
  const a = postgres(BASE_DATABASE_URL, { max: 1, onnotice: () => {} });
  const rows = await a<{ datname: string }[]>`select datname from pg_database where datname like 'stepwise_bench_%'`;
  for (const r of rows) await a.unsafe(`drop database if exists ${r.datname} with (force)`);
  await a.end();
}

export async function postgresVersion(): Promise<string> {
  const a = postgres(BASE_DATABASE_URL, { max: 1, onnotice: () => {} });
  const [row] = await a<
    { v: string; fsync: string; sc: string }[]
  >`select version() as v, current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`;
  await a.end();
  return `${row!.v.split(" on ")[0]} (fsync=${row!.fsync}, synchronous_commit=${row!.sc})`;
}
