import { mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Where the data lives, without credentials: for the start-up banner. */
  where: string;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** postgres://… — when absent, PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant will do; it only has to be the same for every Stepwise instance.
const MIGRATION_LOCK_KEY = 741_852_963;

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    // Several instances may start at once (scale-out): migrate under an advisory lock, on one
    // connection, so they never run the same migration twice.
    const lock = postgres(opts.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migratePostgres(drizzlePostgres(lock), { migrationsFolder });
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      await lock.end();
    }
    const sql = postgres(opts.databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    return {
      db,
      kind: "postgres",
      where: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  let dir: string | undefined;
  if (!opts.inMemory) {
    dir = path.join(opts.dataDir ?? ".data", "pglite");
    mkdirSync(dir, { recursive: true });
  }
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    where: dir ?? "memory",
    close: () => client.close(),
  };
}

// One handle per process. Next's server bundle and the tsx-loaded server are separate module
// graphs in one process, so the handle lives on globalThis (PGlite must never be opened twice).
type Holder = { handle?: Promise<DbHandle> };
const holder = ((globalThis as { __stepwiseDb?: Holder }).__stepwiseDb ??= {});

/** Open the process's database from the environment, once. */
export function getDatabase(): Promise<DbHandle> {
  holder.handle ??= openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || ".data",
  });
  return holder.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Use an already opened handle as the process's database (tests, the server's start-up). */
export function setDatabase(handle: DbHandle): void {
  holder.handle = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const h = holder.handle;
  holder.handle = undefined;
  if (h) await (await h).close();
}
