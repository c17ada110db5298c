import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { grantApplicationRole } from "./roles";
import { pgliteJobDb, prepareJobSchema, type JobConnection } from "./job-schema";
import { PGLITE_APP_ROLE, scopedPglite, scopedPostgres, type OutsideScope } from "./scoped-clients";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Where the data lives, without credentials: for the start-up banner. */
  where: string;
  /**
   * PGlite only: drizzle as the owner (its superuser), outside row-level security and the
   * application role's grants — for tests of what the triggers refuse even to the owner.
   */
  ownerDb?: Db;
  /**
   * How many statements the application has sent through `db` since it opened, each once, in a
   * transaction or not (not the scope's own `set local` around them: db/scoped-clients.ts): a
   * monotonic total for /metrics, and what a test reads to see a path's cost (issue 19).
   */
  statements(): number;
  /** Runs a script of several statements as this connection's role (tests, maintenance). */
  execScript(script: string): Promise<void>;
  /** How the job runner (pg-boss, lib/jobs) reaches this database; its schema is ready. */
  jobConnection: JobConnection;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** postgres://… — when absent, PGlite under `dataDir`. The role the application runs as. */
  databaseUrl?: string;
  /**
   * postgres://… of the role that owns the tables (docs/database-roles.md): migrations run as it,
   * then it grants the application's role what that role needs, and the connection is closed.
   * Without it, migrations run as `databaseUrl` — unless none are pending, so an application role
   * that may not create anything still starts against a database migrated beforehand.
   */
  ownerUrl?: string;
  dataDir?: string;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
  /**
   * What a statement sent outside every organisation's scope sees (db/scoped-clients.ts): nothing
   * (the default, the application's) or every organisation — unit tests' scratch databases, whose
   * fixtures act as the operator; tests of what a request sees enter its organisation.
   */
  outsideScope?: OutsideScope;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant will do; it only has to be the same for every Stepwise instance.
const MIGRATION_LOCK_KEY = 741_852_963;

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    if (opts.ownerUrl) {
      const appRole = await currentRole(opts.databaseUrl);
      await withMigrationLock(opts.ownerUrl, async (owner) => {
        await migratePostgres(drizzlePostgres(owner), { migrationsFolder });
        const [me] = await owner<{ role: string }[]>`select current_user as role`;
        // One role given twice: nothing to grant (the start-up check says what that means).
        if (me!.role !== appRole) await grantApplicationRole((statement) => owner.unsafe(statement), appRole);
        await prepareJobSchema({ connectionString: opts.ownerUrl! }, me!.role !== appRole ? appRole : undefined);
      });
    } else if (await migrationsPending(opts.databaseUrl)) {
      await withMigrationLock(opts.databaseUrl, async (conn) => {
        await migratePostgres(drizzlePostgres(conn), { migrationsFolder });
        await prepareJobSchema({ connectionString: opts.databaseUrl! });
      });
    }
    const sql = postgres(opts.databaseUrl, { max: 10, onnotice: () => {} });
    let statements = 0;
    // Every statement in its organisation's scope (row-level security: db/scoped-clients.ts).
    const db = drizzlePostgres(
      scopedPostgres(sql, opts.outsideScope, () => statements++),
      { schema },
    ) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    return {
      db,
      kind: "postgres",
      where: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      statements: () => statements,
      execScript: async (script) => void (await sql.unsafe(script)),
      jobConnection: { connectionString: opts.databaseUrl },
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
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  // PGlite's one user is a superuser, whom row-level security never applies to: the application's
  // statements run as a role with production's grants instead (db/scoped-clients.ts).
  await client.exec(
    `do $$ begin if not exists (select 1 from pg_roles where rolname = '${PGLITE_APP_ROLE}') then create role ${PGLITE_APP_ROLE} nologin; end if; end $$`,
  );
  await grantApplicationRole((statement) => client.exec(statement), PGLITE_APP_ROLE);
  let statements = 0;
  const db = drizzlePglite(
    scopedPglite(client, opts.outsideScope, () => statements++),
    { schema },
  );
  const jobDb = pgliteJobDb(client);
  await prepareJobSchema({ db: jobDb }, PGLITE_APP_ROLE);
  return {
    db: db as unknown as Db,
    ownerDb: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    where: dir ?? "memory",
    statements: () => statements,
    execScript: async (script) => void (await client.exec(script)),
    jobConnection: { db: jobDb },
    close: () => client.close(),
  };
}

/**
 * Several instances may start at once (scale-out): migrate under an advisory lock, on one
 * connection, so they never run the same migration twice.
 */
async function withMigrationLock(url: string, run: (conn: postgres.Sql) => Promise<unknown>): Promise<void> {
  const conn = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await run(conn);
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await conn.end();
  }
}

async function currentRole(url: string): Promise<string> {
  const conn = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await conn<{ role: string }[]>`select current_user as role`;
    return row!.role;
  } finally {
    await conn.end();
  }
}

/** Whether the committed migrations are ahead of the database (drizzle records each one's `when`). */
async function migrationsPending(url: string): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  const conn = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await conn<{ last: string | null }[]>`select max(created_at)::text as last from drizzle.__drizzle_migrations`;
    return row?.last == null || Number(row.last) < newest;
  } catch {
    // No migrations table yet (a new database), or not allowed to read it: try to migrate.
    return true;
  } finally {
    await conn.end();
  }
}

// One handle per process. Next's server bundle and the tsx-loaded server are separate module
// graphs in one process, so the handle lives on globalThis (PGlite must never be opened twice).
type Holder = { handle?: Promise<DbHandle> };
const holder = ((globalThis as { __stepwiseDb?: Holder }).__stepwiseDb ??= {});

/** Open the process's database from the environment, once. */
export function getDatabase(): Promise<DbHandle> {
  holder.handle ??= openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    ownerUrl: process.env.DATABASE_OWNER_URL || undefined,
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
