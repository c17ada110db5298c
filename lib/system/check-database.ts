import { getDatabase } from "@/db/client";
import { pingDatabase, migrationState } from "@/db/queries/readiness";

export type Check = { ok: boolean; detail?: string };

/** A check that takes longer than this counts as failed: a hung database is not a ready one. */
const TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The reason of a failed check: the error's class and message, never a connection string. */
function reason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/postgres(ql)?:\/\/\S+/gi, "postgres://…").slice(0, 200);
}

/** Is the database reachable, and has every committed migration been applied to it? */
export async function checkDatabase(): Promise<{ database: Check; migrations: Check }> {
  try {
    const { db } = await withTimeout(getDatabase(), "opening the database");
    await withTimeout(pingDatabase(db), "the database");
    const m = await withTimeout(migrationState(db), "the migration table");
    const migrations: Check = m.pending === 0 ? { ok: true } : { ok: false, detail: `${m.pending} migration(s) not applied` };
    return { database: { ok: true }, migrations };
  } catch (e) {
    return { database: { ok: false, detail: reason(e) }, migrations: { ok: false, detail: "unknown while the database is unreachable" } };
  }
}
