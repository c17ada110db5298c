import { pingDatabase } from "@/lib/system/ping-database";

/**
 * Is this instance ready to take work? `/readyz` (ops) calls `checkReadiness()`. Each part of the
 * process registers what it knows: the collaboration server says whether its commits go through
 * (server/collab: false while PostgreSQL is away and its batches are being retried). The database
 * is asked once per call, with a short deadline, so a hung PostgreSQL makes /readyz answer "not
 * ready" instead of hanging it.
 */
export type ReadinessCheck = { ok: boolean; detail?: string };
export type Readiness = { ok: boolean; checks: Record<string, ReadinessCheck> };

const checks = new Map<string, () => ReadinessCheck | Promise<ReadinessCheck>>();
const DB_DEADLINE_MS = 2_000;

/** Add (or replace) a named check; returns its removal. */
export function registerReadinessCheck(name: string, check: () => ReadinessCheck | Promise<ReadinessCheck>): () => void {
  checks.set(name, check);
  return () => {
    if (checks.get(name) === check) checks.delete(name);
  };
}

async function databaseCheck(): Promise<ReadinessCheck> {
  try {
    await pingDatabase(DB_DEADLINE_MS);
    return { ok: true };
  } catch (e) {
    return { ok: false, detail: String(e instanceof Error ? e.message : e) };
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const entries: [string, () => ReadinessCheck | Promise<ReadinessCheck>][] = [["database", databaseCheck], ...checks];
  const results = await Promise.all(
    entries.map(async ([name, check]): Promise<[string, ReadinessCheck]> => {
      try {
        return [name, await check()];
      } catch (e) {
        return [name, { ok: false, detail: String(e) }];
      }
    }),
  );
  const out = Object.fromEntries(results);
  return { ok: results.every(([, r]) => r.ok), checks: out };
}
