import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ProcSampler } from "./proc-sampler";
import type { GcMemory, ServerStats } from "../servers/server-stats";

/**
 * One server process of a target, pinned to core 0 with `taskset -c 0` (the load generator is on
 * core 1). Started from its bench entry under bench/servers, watched from /proc every 500 ms
 * (RSS, CPU) together with its /__bench/stats (rooms, sockets, event-loop lag).
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SERVER_CORE = "0";

export type StatsSample = { t: number; stats: ServerStats };

export type ServerProcess = {
  entry: string;
  pid: number;
  port: number;
  proc: ChildProcess;
  sampler: ProcSampler;
  statsSamples: StatsSample[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stats(): Promise<ServerStats | null>;
  /** A full GC in the server, then its memory (null when it does not answer). */
  gcMemory(): Promise<GcMemory | null>;
  /** Send a signal; resolve when the process has exited (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; ms: number; forced: boolean }>;
  stderr(): string;
};

/** BENCH_CPU_PROF=1 writes a V8 CPU profile of every server process to bench/results/profiles/ (on clean exit). */
function profileArgs(entry: string): string[] {
  if (process.env.BENCH_CPU_PROF !== "1") return [];
  // Node names each thread's profile itself (pid and thread id); one name for all would let them overwrite each other.
  return ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench/results/profiles", path.basename(entry, ".ts"))}`];
}

export async function startServerProcess(input: {
  entry: string;
  port: number;
  env: Record<string, string | undefined>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const proc = spawn(
    "taskset",
    [
      "-c",
      SERVER_CORE,
      process.execPath,
      "--expose-gc",
      ...profileArgs(input.entry),
      "--import",
      "tsx",
      path.join("bench/servers", input.entry),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", ...input.env, PORT: String(input.port) },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
    if (err.length > 64_000) err = err.slice(-32_000);
  });
  proc.stdin!.on("error", () => {});
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${input.entry} not ready in time:\n${err}`)), input.timeoutMs ?? 60_000);
    const onData = () => {
      if (!out.includes('"ready":true')) return;
      clearTimeout(timer);
      proc.stdout!.off("data", onData);
      resolve();
    };
    proc.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${input.entry} exited (${code}) before it was ready:\n${err}`));
    });
  });
  const pid = proc.pid!;
  const sampler = new ProcSampler(pid).start();
  const statsSamples: StatsSample[] = [];
  let alive = true;
  void exited.then(() => {
    alive = false;
    sampler.stop();
  });
  const stats = async (): Promise<ServerStats | null> => {
    if (!alive) return null;
    try {
      const r = await fetch(`http://127.0.0.1:${input.port}/__bench/stats`, { signal: AbortSignal.timeout(2000) });
      return (await r.json()) as ServerStats;
    } catch {
      return null;
    }
  };
  const poll = setInterval(() => {
    void stats().then((s) => s && statsSamples.push({ t: performance.now(), stats: s }));
  }, 500);
  poll.unref();
  void exited.then(() => clearInterval(poll));
  return {
    entry: input.entry,
    pid,
    port: input.port,
    proc,
    sampler,
    statsSamples,
    exited,
    stats,
    async gcMemory() {
      if (!alive) return null;
      try {
        const r = await fetch(`http://127.0.0.1:${input.port}/__bench/gc`, { signal: AbortSignal.timeout(10_000) });
        return (await r.json()) as GcMemory;
      } catch {
        return null;
      }
    },
    async stop(signal = "SIGTERM", timeoutMs = 15_000) {
      const t0 = performance.now();
      if (!alive) return { code: await exited, ms: 0, forced: false };
      proc.kill(signal);
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        proc.kill("SIGKILL");
      }, timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return { code, ms: performance.now() - t0, forced };
    },
    stderr: () => err,
  };
}

/** Server-side numbers over a measured window: CPU and RSS from /proc, lag from the stats path. */
export function serverWindow(s: ServerProcess, from: number, to: number) {
  const w = s.sampler.window(from, to);
  const st = s.statsSamples.filter((x) => x.t >= from && x.t <= to + 600).map((x) => x.stats);
  const p99s = st.map((x) => x.lagP99Ms).sort((a, b) => a - b);
  const ex = st.map(
    (x) => (x.extra ?? {}) as { commits?: number; commitRows?: number; commitP50Ms?: number | null; commitP99Ms?: number | null },
  );
  const commits = ex.reduce((a, x) => a + (x.commits ?? 0), 0);
  const commitRows = ex.reduce((a, x) => a + (x.commitRows ?? 0), 0);
  const mid = (xs: number[]) => (xs.length ? xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  return {
    cpuAvgPct: w.cpuAvg,
    cpuMaxPct: w.cpuMax,
    rssMaxMb: w.rssMaxKb / 1024,
    rssLastMb: w.rssLastKb / 1024,
    lagP99MedianMs: p99s.length ? p99s[Math.floor(p99s.length / 2)]! : NaN,
    lagMaxMs: st.length ? Math.max(...st.map((x) => x.lagMaxMs)) : NaN,
    /** ours only: group commits in the window, rows per commit, median of the per-interval commit p50/p99. */
    commitsPerS: commits / Math.max(0.001, (to - from) / 1000),
    rowsPerCommit: commits ? commitRows / commits : NaN,
    commitP50Ms: mid(ex.map((x) => x.commitP50Ms).filter((v): v is number => typeof v === "number")),
    commitP99Ms: mid(ex.map((x) => x.commitP99Ms).filter((v): v is number => typeof v === "number")),
  };
}
