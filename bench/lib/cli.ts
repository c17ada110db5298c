import { parseArgs } from "node:util";

/**
 * `npm run bench -- [flags]`. Defaults are scaled for the 2-core machine so one full run of every
 * scenario finishes well under an hour; the method's sizes are reachable with flags (e.g.
 * `--warmup 10 --duration 60`).
 */
export const SCENARIOS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "B1"] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export type BenchOptions = {
  scenarios: ScenarioId[];
  targets: ("ours" | "ywss" | "hp")[];
  reps: number;
  seed: number;
  warmupS: number;
  durationS: number;
  /** S1 room counts. */
  rooms: number[];
  s2Start: number;
  s2Max: number;
  s2StepS: number;
  /** S3 history sizes and joins per size. */
  history: number[];
  coldJoins: number;
  warmJoins: number;
  s4Rooms: number;
  s4DocBytes: number;
  s4AfterLeaveS: number;
  s5Rooms: number;
  s5Rate: number;
  s6Rooms: number;
  s7Rooms: number;
  s7WindowS: number;
  s8Rooms: number;
  /** S9: rooms at about capacity (5× that try to join), seconds of overload, seconds a join may take to count as admitted. */
  s9Base: number;
  s9DurationS: number;
  s9AdmitS: number;
  /** B1 (browsers): the app's port, cold joins, keystrokes measured, keystrokes of the simulated meeting. */
  browserPort: number;
  b1Joins: number;
  b1Edits: number;
  b1MeetingEdits: number;
  redisUrl: string;
  /** Write docs/benchmarks.md from this run. */
  report: boolean;
  /** Refuse to start when the 1-minute load average is above this (0 = do not check). */
  maxLoad: number;
  /** Developing: allow any load, but every table says so. */
  force: boolean;
};

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function parseCli(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: "string", multiple: true },
      target: { type: "string", multiple: true },
      reps: { type: "string" },
      seed: { type: "string" },
      warmup: { type: "string" },
      duration: { type: "string" },
      rooms: { type: "string" },
      "s2-start": { type: "string" },
      "s2-max": { type: "string" },
      "s2-step": { type: "string" },
      history: { type: "string" },
      "cold-joins": { type: "string" },
      "warm-joins": { type: "string" },
      "s4-rooms": { type: "string" },
      "s4-doc-bytes": { type: "string" },
      "s4-after-leave": { type: "string" },
      "s5-rooms": { type: "string" },
      "s5-rate": { type: "string" },
      "s6-rooms": { type: "string" },
      "s7-rooms": { type: "string" },
      "s7-window": { type: "string" },
      "s8-rooms": { type: "string" },
      "s9-base": { type: "string" },
      "s9-duration": { type: "string" },
      "s9-admit": { type: "string" },
      "browser-port": { type: "string" },
      "b1-joins": { type: "string" },
      "b1-edits": { type: "string" },
      "b1-meeting-edits": { type: "string" },
      "redis-url": { type: "string" },
      report: { type: "boolean" },
      "no-report": { type: "boolean" },
      "max-load": { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const scenarios = (values.scenario ?? []).flatMap(list).map((s) => s.toUpperCase());
  for (const s of scenarios)
    if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s} (one of ${SCENARIOS.join(", ")})`);
  const targets = (values.target ?? []).flatMap(list);
  for (const t of targets) if (!["ours", "ywss", "hp"].includes(t)) throw new Error(`unknown target ${t}`);
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
  const nums = (v: string | undefined, d: number[]) => (v === undefined ? d : list(v).map(Number));
  const all = scenarios.length === 0;
  return {
    // S7 (abuse) only when asked for: it is not part of the report.
    scenarios: all ? SCENARIOS.filter((x) => x !== "S7") : (scenarios as ScenarioId[]),
    targets: targets.length ? (targets as BenchOptions["targets"]) : ["ours", "ywss", "hp"],
    reps: num(values.reps, 3),
    seed: num(values.seed, 20_240_601),
    warmupS: num(values.warmup, 3),
    durationS: num(values.duration, 8),
    rooms: nums(values.rooms, [250, 1000, 2000]),
    s2Start: num(values["s2-start"], 250),
    s2Max: num(values["s2-max"], 4000),
    s2StepS: num(values["s2-step"], 5),
    history: nums(values.history, [1000, 10_000, 100_000]),
    coldJoins: num(values["cold-joins"], 5),
    warmJoins: num(values["warm-joins"], 10),
    s4Rooms: num(values["s4-rooms"], 200),
    s4DocBytes: num(values["s4-doc-bytes"], 20_000),
    s4AfterLeaveS: num(values["s4-after-leave"], 30),
    s5Rooms: num(values["s5-rooms"], 20),
    s5Rate: num(values["s5-rate"], 50),
    s6Rooms: num(values["s6-rooms"], 1000),
    s7Rooms: num(values["s7-rooms"], 250),
    s7WindowS: num(values["s7-window"], 10),
    s8Rooms: num(values["s8-rooms"], 250),
    s9Base: num(values["s9-base"], 400),
    s9DurationS: num(values["s9-duration"], 60),
    s9AdmitS: num(values["s9-admit"], 10),
    browserPort: num(values["browser-port"], Number(process.env.E2E_PORT ?? 3305)),
    b1Joins: num(values["b1-joins"], 3),
    b1Edits: num(values["b1-edits"], 200),
    b1MeetingEdits: num(values["b1-meeting-edits"], 3000),
    redisUrl: values["redis-url"] ?? process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    report: values["no-report"] ? false : (values.report ?? all),
    maxLoad: num(values["max-load"], 1.0),
    force: values.force ?? false,
  };
}

const HELP = `npm run bench -- [flags]
  --scenario S1,S3     scenarios to run (default: all of ${SCENARIOS.filter((x) => x !== "S7").join(", ")}; S7 on request)
  --target ours,hp     targets (default: ours, ywss, hp)
  --reps 3             runs per target and scenario, in rotating order
  --seed N             PRNG seed
  --warmup 3 --duration 8     seconds of warm-up and of measurement (method: 10 and 60)
  --rooms 250,1000,2000       S1 sizes
  --s2-start 250 --s2-max 4000 --s2-step 5    S2 ramp (x1.25 per step), seconds measured per step
  --history 1000,10000,100000 --cold-joins 5 --warm-joins 10    S3
  --s4-rooms 200 --s4-doc-bytes 20000 --s4-after-leave 30        S4 (method: RSS 60 s after)
  --s5-rooms 20 --s5-rate 50   S5 writers and their updates/s
  --s6-rooms 1000              S6
  --s7-rooms 250 --s7-window 10   S7: rooms under load, seconds of baseline and of attack
  --s8-rooms 250 --redis-url redis://127.0.0.1:6379                S8
  --s9-base 400 --s9-duration 60 --s9-admit 10   S9 overload: 5 × base rooms, seconds of overload, admission window
  --browser-port 3305 --b1-joins 3 --b1-edits 200 --b1-meeting-edits 3000   B1 (real Chromium against the whole app)
  --report / --no-report       write docs/benchmarks.md (default: only when every default scenario runs)
  --max-load 1.0               refuse to start above this load average; --force runs anyway (marked)
`;
