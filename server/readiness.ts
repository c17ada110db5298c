import { checkDatabase, type Check } from "@/lib/system/check-database";

export type Readiness = { ok: boolean; checks: Record<string, Check> };

type Probe = () => Check | Promise<Check>;

/**
 * Checks registered by the running server (start.ts registers "collab"), and by anything else
 * that can make this instance unfit to take traffic. Each one is required: one failed → 503.
 */
const probes = new Map<string, Probe>();
/** Checks that must be registered before the instance counts as ready. */
const REQUIRED = ["collab"];

export function registerReadinessCheck(name: string, probe: Probe): () => void {
  probes.set(name, probe);
  return () => void probes.delete(name);
}

async function run(probe: Probe): Promise<Check> {
  try {
    return await probe();
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Is this instance ready to take traffic: the database reachable, every committed migration
 * applied, the collaboration server accepting sockets (and whatever else is registered)?
 */
export async function checkReadiness(): Promise<Readiness> {
  const checks: Record<string, Check> = { ...(await checkDatabase()) };
  for (const name of REQUIRED) if (!probes.has(name)) checks[name] = { ok: false, detail: "not started" };
  for (const [name, probe] of probes) checks[name] = await run(probe);
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}
