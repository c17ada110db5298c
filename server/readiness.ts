import { checkDatabase } from "@/lib/system/check-database";

/**
 * Is this instance ready to take work? `/readyz` (server/ops-routes.ts) calls `checkReadiness()`.
 * The database is asked on each call, with a short deadline (reachable, and every committed
 * migration applied), so a hung PostgreSQL makes /readyz answer "not ready" instead of hanging it.
 * Each part of the process registers what it knows: start.ts says "collab" is starting until the
 * collaboration server runs, then whether it accepts sockets and its commits go through
 * (server/collab: false while PostgreSQL is away and its batches are being retried).
 */
export type ReadinessCheck = { ok: boolean; detail?: string };
export type Readiness = { ok: boolean; checks: Record<string, ReadinessCheck> };

const checks = new Map<string, () => ReadinessCheck | Promise<ReadinessCheck>>();

/** Add (or replace) a named check; returns its removal. */
export function registerReadinessCheck(name: string, check: () => ReadinessCheck | Promise<ReadinessCheck>): () => void {
  checks.set(name, check);
  return () => {
    if (checks.get(name) === check) checks.delete(name);
  };
}

export async function checkReadiness(): Promise<Readiness> {
  const [database, ...results] = await Promise.all([
    checkDatabase(),
    ...[...checks].map(async ([name, check]): Promise<[string, ReadinessCheck]> => {
      try {
        return [name, await check()];
      } catch (e) {
        return [name, { ok: false, detail: String(e instanceof Error ? e.message : e) }];
      }
    }),
  ]);
  const out: Record<string, ReadinessCheck> = { ...database, ...Object.fromEntries(results) };
  return { ok: Object.values(out).every((r) => r.ok), checks: out };
}
