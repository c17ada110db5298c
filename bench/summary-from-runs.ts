/**
 * `npx tsx bench/summary-from-runs.ts bench/results/<run> --load <1-min load at its start> [-- <the run's flags>]`:
 * a run that stopped before its end (a crash in a later scenario) has written every finished
 * run's record, but not summary.json. This puts them together as run.ts would have (the machine
 * described now, the load as the run's log gave it), so report.ts can render what was measured.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseCli } from "./lib/cli";
import type { RunRecord } from "./lib/context";
import { describeMachine } from "./lib/machine";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { load: { type: "string" } } });
const dir = positionals[0];
const load1 = Number(values.load);
if (!dir || !Number.isFinite(load1)) throw new Error("usage: tsx bench/summary-from-runs.ts bench/results/<run> --load <n> [-- <flags>]");
const flags = process.argv.includes("--") ? process.argv.slice(process.argv.indexOf("--") + 1) : [];
const records = readdirSync(dir)
  .filter((f) => /^(S\d|B\d)-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as RunRecord)
  .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
if (records.length === 0) throw new Error(`no run records in ${dir}`);
const options = parseCli(flags);
const done = new Set(records.map((r) => r.scenario));
options.scenarios = options.scenarios.filter((s) => done.has(s));
const first = Date.parse(records[0]!.startedAt);
const last = Math.max(...records.map((r) => Date.parse(r.startedAt)));
const summary = {
  machine: await describeMachine(load1),
  options,
  forced: load1 > options.maxLoad,
  // From the first run's start to the last one's: the last run's own length is not recorded.
  minutes: (last - first) / 60_000,
  records,
};
writeFileSync(path.join(dir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${path.join(dir, "summary.json")}: ${records.length} runs of ${options.scenarios.join(" ")}\n`);
