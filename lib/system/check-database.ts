import { getDatabase } from "@/db/client";
import { migrationState } from "@/db/queries/readiness";
import { pingDatabase } from "./ping-database";

export type Check = { ok: boolean; detail?: string };

/** A check that takes longer than this counts as failed: a hung database is not a ready one. */
const DEADLINE_MS = 2_000;

function withDeadline<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The reason of a failed check: the error's message, never a connection string. */
function reason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/postgres(ql)?:\/\/\S+/gi, "postgres://…").slice(0, 200);
}

/** Is the database reachable, and has every committed migration been applied to it? */
export async function checkDatabase(): Promise<{ database: Check; migrations: Check }> {
  try {
    await pingDatabase(DEADLINE_MS);
  } catch (e) {
    return { database: { ok: false, detail: reason(e) }, migrations: { ok: false, detail: "unknown while the database is unreachable" } };
  }
  try {
    const { db } = await getDatabase();
    const m = await withDeadline(migrationState(db), "the migration table");
    return {
      database: { ok: true },
      migrations: m.pending === 0 ? { ok: true } : { ok: false, detail: `${m.pending} migration(s) not applied` },
    };
  } catch (e) {
    return { database: { ok: true }, migrations: { ok: false, detail: reason(e) } };
  }
}
