import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, setDatabase, closeDatabase, type DbHandle } from "@/db/client";

/**
 * A fresh, migrated database for one test file: a new database on the real PostgreSQL when
 * DATABASE_URL is set (dropped afterwards), else an in-memory PGlite. It becomes the process's
 * database, so lib/ code under test uses it through getDb().
 */
export type TestDatabase = { handle: DbHandle; url: string | null; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase({ inMemory: true });
    setDatabase(handle);
    return { handle, url: null, drop: () => closeDatabase() };
  }
  const name = `stepwise_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  setDatabase(handle);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await closeDatabase();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
