import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** PostgreSQL's own durability switches; with either off, a committed update can still be lost. */
export async function readDurabilitySettings(db: Db): Promise<{ fsync: string; synchronousCommit: string }> {
  const f = (await db.execute(sql`show fsync`)) as unknown as { rows?: { fsync: string }[] } & { fsync?: string }[];
  const s = (await db.execute(sql`show synchronous_commit`)) as unknown as {
    rows?: { synchronous_commit: string }[];
  } & { synchronous_commit?: string }[];
  const fsync = (f.rows ?? f)[0]?.fsync ?? "unknown";
  const synchronousCommit = (s.rows ?? s)[0]?.synchronous_commit ?? "unknown";
  return { fsync, synchronousCommit };
}
