import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../client";

type Rows<T> = { rows?: T[] } & T[];

let journal: number[] | undefined;

/** The `when` of every committed migration (db/migrations/meta/_journal.json), read once. */
function committedMigrations(): number[] {
  journal ??= (
    JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
      entries: { when: number }[];
    }
  ).entries.map((e) => e.when);
  return journal;
}

/** How many committed migrations the database has not recorded (drizzle records each one's `when`). */
export async function migrationState(db: Db): Promise<{ pending: number }> {
  const r = (await db.execute(sql`select created_at::text as at from drizzle.__drizzle_migrations`)) as unknown as Rows<{ at: string }>;
  const applied = new Set((r.rows ?? r).map((row) => Number(row.at)));
  return { pending: committedMigrations().filter((when) => !applied.has(when)).length };
}
