import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchOptions, ScenarioId } from "./cli";
import type { GeneratorHealth, GeneratorMonitor } from "./generator-monitor";
import { TARGETS, type TargetName } from "./targets";

/** What every scenario gets, and the record one run of one target leaves behind. */
export type RunRecord = {
  scenario: ScenarioId;
  target: TargetName;
  /** The size or variant measured (rooms, history, signal...). */
  params: Record<string, number | string | boolean>;
  rep: number;
  /** Position in the rotating order of this rep (0 = first). */
  order: number;
  startedAt: string;
  valid: boolean;
  invalidReasons: string[];
  generator: GeneratorHealth | null;
  metrics: Record<string, number | boolean | string | null>;
  error?: string;
};

export type Context = {
  opts: BenchOptions;
  monitor: GeneratorMonitor;
  outDir: string;
  records: RunRecord[];
  log(msg: string): void;
  save(r: RunRecord): void;
};

export function createContext(opts: BenchOptions, monitor: GeneratorMonitor, outDir: string): Context {
  mkdirSync(outDir, { recursive: true });
  const records: RunRecord[] = [];
  return {
    opts,
    monitor,
    outDir,
    records,
    log: (msg) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`),
    save(r) {
      records.push(r);
      const p = Object.entries(r.params)
        .map(([k, v]) => `${k}${v}`)
        .join("-");
      writeFileSync(path.join(outDir, `${r.scenario}-${r.target}${p ? `-${p}` : ""}-rep${r.rep}.json`), `${JSON.stringify(r, null, 2)}\n`);
    },
  };
}

/** Method §3: ABC, BCA, CAB. */
export function rotation(targets: readonly TargetName[], rep: number): TargetName[] {
  const k = rep % targets.length;
  return [...targets.slice(k), ...targets.slice(0, k)];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    if (await cond()) return true;
    if (performance.now() > end) return false;
    await sleep(everyMs);
  }
}

/** Run `body` for each rep and target in rotating order, recording a failure as an invalid run. */
export async function forEachRun(
  ctx: Context,
  scenario: ScenarioId,
  params: RunRecord["params"],
  body: (target: TargetName, rep: number) => Promise<Omit<RunRecord, "scenario" | "target" | "params" | "rep" | "order" | "startedAt">>,
  targets: readonly TargetName[] = ctx.opts.targets.filter((t) => (TARGETS as readonly string[]).includes(t)),
  reps = ctx.opts.reps,
): Promise<void> {
  for (let rep = 0; rep < reps; rep++) {
    const order = rotation(targets, rep);
    for (let i = 0; i < order.length; i++) {
      const target = order[i]!;
      const startedAt = new Date().toISOString();
      ctx.log(`${scenario} ${target} ${JSON.stringify(params)} rep ${rep + 1}/${reps}`);
      let rec: RunRecord;
      try {
        const r = await body(target, rep);
        rec = { scenario, target, params, rep, order: i, startedAt, ...r };
      } catch (e) {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        ctx.log(`  failed: ${error.split("\n")[0]}`);
        rec = {
          scenario,
          target,
          params,
          rep,
          order: i,
          startedAt,
          valid: false,
          invalidReasons: ["run failed"],
          generator: null,
          metrics: {},
          error,
        };
      }
      ctx.save(rec);
      const m = Object.entries(rec.metrics)
        .filter(([, v]) => typeof v === "number")
        .slice(0, 8)
        .map(([k, v]) => `${k}=${Math.round((v as number) * 10) / 10}`)
        .join(" ");
      ctx.log(`  ${rec.valid ? "valid" : `INVALID (${rec.invalidReasons.join("; ")})`} ${m}`);
    }
  }
}
