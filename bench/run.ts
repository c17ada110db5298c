/**
 * `npm run bench`: our collaboration server against the reference y-websocket server and
 * Hocuspocus 3 on the same workload, following /work/shared/reference/collab-servers.md §3.
 * The generator (this process) pins itself to core 1; every server runs on core 0.
 * Results: one JSON per run under bench/results/<run>/, and docs/benchmarks.md (--report).
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseCli, type ScenarioId } from "./lib/cli";
import { createContext, type Context } from "./lib/context";
import { GeneratorMonitor } from "./lib/generator-monitor";
import { dropStaleBenchDatabases } from "./lib/database";
import { BENCH_SECRET } from "./lib/targets";
import { ROOT } from "./lib/server-process";
import { describeMachine } from "./lib/machine";
import { writeReport } from "./report";
import { runS1 } from "./scenarios/s1-latency";
import { runS2 } from "./scenarios/s2-capacity";
import { runS3 } from "./scenarios/s3-join";
import { runS4 } from "./scenarios/s4-memory";
import { runS5 } from "./scenarios/s5-kill";
import { runS6 } from "./scenarios/s6-storm";
import { runS7 } from "./scenarios/s7-abuse";
import { runS8 } from "./scenarios/s8-redis";
import { runS9 } from "./scenarios/s9-overload";
import { runB1 } from "./browser/b1-browser";

// The generator mints tickets with the secret it hands the servers (lib/secret reads AUTH_SECRET).
process.env.AUTH_SECRET = BENCH_SECRET;
// y-websocket adds a process "exit" listener per provider; thousands are expected here.
process.setMaxListeners(0);

const GENERATOR_CORE = "1";

const RUNNERS: Record<ScenarioId, (ctx: Context) => Promise<void>> = {
  S1: runS1,
  S2: runS2,
  S3: runS3,
  S4: runS4,
  S5: runS5,
  S6: runS6,
  S7: runS7,
  S8: runS8,
  S9: runS9,
  B1: runB1,
};

/**
 * The generator runs in a child started as `taskset -c 1 node --max-semi-space-size=64 …`: pinned
 * from its first instruction (every thread on core 1; the servers get core 0), and with a young
 * generation large enough that the many short-lived message buffers do not make it collect
 * garbage all the time (a generator tuning; the servers run with Node's defaults).
 */
function relaunchPinned(): never {
  const r = spawnSync(
    "taskset",
    ["-c", GENERATOR_CORE, process.execPath, "--max-semi-space-size=64", "--import", "tsx", import.meta.filename, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, BENCH_GENERATOR: String(loadavg()[0]) },
    },
  );
  process.exit(r.status ?? 1);
}

async function main(): Promise<void> {
  const opts = parseCli(process.argv.slice(2));
  if (!process.env.BENCH_GENERATOR) {
    const load = loadavg()[0]!;
    if (opts.maxLoad > 0 && load > opts.maxLoad && !opts.force) {
      throw new Error(
        `load average ${load.toFixed(2)} > ${opts.maxLoad}: the machine is busy and the numbers would be noise. Wait, or pass --force (results are then marked).`,
      );
    }
    relaunchPinned();
  }
  const load1 = Number(process.env.BENCH_GENERATOR);
  const machine = await describeMachine(load1);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const outDir = path.join(ROOT, "bench", "results", stamp);
  const monitor = new GeneratorMonitor();
  const ctx = createContext(opts, monitor, outDir);
  ctx.log(
    `results in ${path.relative(ROOT, outDir)}; load ${load1.toFixed(2)}; ${opts.scenarios.join(" ")} × ${opts.targets.join(" ")} × ${opts.reps}`,
  );
  await dropStaleBenchDatabases();
  const started = performance.now();
  for (const s of opts.scenarios) {
    const t0 = performance.now();
    await RUNNERS[s](ctx);
    ctx.log(`${s} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const summary = {
    machine,
    options: opts,
    forced: load1 > opts.maxLoad,
    minutes: (performance.now() - started) / 60_000,
    records: ctx.records,
  };
  writeFileSync(path.join(outDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  if (opts.report) {
    writeReport(summary, path.join(ROOT, "docs", "benchmarks.md"), path.relative(ROOT, outDir));
    ctx.log("docs/benchmarks.md written");
  }
  monitor.close();
  ctx.log(`done in ${summary.minutes.toFixed(1)} min`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
