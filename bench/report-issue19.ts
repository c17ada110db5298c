/**
 * The sections of docs/benchmarks.md for issue 19's scenarios: S9 (overload at 5× capacity) and
 * B1 (the figures a person feels, in real Chromium). Rendered into the full report, and on their
 * own into a marked block of an existing docs/benchmarks.md
 * (`npx tsx bench/report-issue19.ts bench/results/<run>`), so a run of only S9 and B1 sits beside
 * the figures of the last full run without pretending to be one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunRecord } from "./lib/context";
import type { BenchOptions } from "./lib/cli";
import { TARGETS, TARGET_LABEL } from "./lib/targets";
import type { Summary } from "./report";

const fmt = (v: unknown, digits = 1) => {
  if (v === null || v === undefined) return "–";
  const n = Number(v);
  return typeof v === "boolean"
    ? v
      ? "yes"
      : "NO"
    : Number.isFinite(n)
      ? Math.abs(n) >= 100
        ? Math.round(n).toLocaleString("en-US")
        : n.toFixed(digits)
      : "–";
};

/** "yes" / "**no**" against a ceiling, or "not measured" when the run has no value. */
const met = (v: unknown, ceiling: number) =>
  v === null || v === undefined || !Number.isFinite(Number(v)) ? "not measured" : Number(v) <= ceiling ? "yes" : "**no**";

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function s9Table(records: RunRecord[]): string {
  const rows = TARGETS.flatMap((t) =>
    records
      .filter((r) => r.scenario === "S9" && r.target === t)
      .map((r) => {
        const m = r.metrics;
        return [
          TARGET_LABEL[t],
          `${fmt(m.baseRooms, 0)} → ${fmt(m.rooms, 0)}`,
          fmt(m.admittedRooms, 0),
          `${fmt(m.baselineP50Ms)} / ${fmt(m.baselineP99Ms)}`,
          `${fmt(m.p50Ms)} / ${fmt(m.p99Ms)}`,
          fmt(m.serverRssMaxMb, 0),
          t === "ours" ? `${fmt(m.peakQueue, 0)} / ${fmt(m.refusedJoins, 0)}` : "–",
          fmt(m.lost, 0),
          fmt(m.keptUnadmitted, 0),
          fmt(m.converged),
          fmt(m.recoveredAfterS),
          r.valid ? "valid" : `⚠ ${r.invalidReasons.join("; ")}${r.error ? ` (${r.error.split("\n")[0]})` : ""}`,
        ];
      }),
  );
  return table(
    [
      "server",
      "rooms (base → tried)",
      "rooms admitted",
      "baseline p50 / p99 ms",
      "overload p50 / p99 ms (admitted)",
      "peak RSS MB",
      "peak commit queue / joins refused",
      "lost",
      "kept in unadmitted writers",
      "converged",
      "recovered after (s)",
      "run",
    ],
    rows,
  );
}

export function b1Table(records: RunRecord[]): string {
  const r = records.find((x) => x.scenario === "B1");
  if (!r) return "_Not measured in this run._";
  if (r.error) return `Run failed: ${r.error.split("\n")[0]}`;
  const m = r.metrics;
  return table(
    ["figure", "measured", "goal", "met?"],
    [
      [
        "join link → room ready, cold (fresh profile; first join also loads the room)",
        `${fmt(m.coldFirstMs, 0)} ms first, p50 ${fmt(m.coldP50Ms, 0)} ms`,
        "–",
        "",
      ],
      [
        "join link → room ready, warm (the same tab opens the room again)",
        `p50 ${fmt(m.warmP50Ms, 0)} ms, max ${fmt(m.warmMaxMs, 0)} ms`,
        "≤ 1,000 ms",
        met(m.warmP50Ms, 1000),
      ],
      [
        "JavaScript transferred for the room by the time it is ready (as sent) / decoded; of it, fetched before DOMContentLoaded",
        `${fmt(m.roomJsKiB, 0)} KiB / ${fmt(m.roomJsDecodedKiB, 0)} KiB; ${fmt(m.roomJsAtStartKiB, 0)} KiB`,
        "≤ 250 KiB gzip",
        met(m.roomJsKiB, 250),
      ],
      ["CSS transferred for the room", `${fmt(m.roomCssKiB, 0)} KiB`, "–", ""],
      [
        "JavaScript / CSS transferred for the shared screen (after the room, cache warm)",
        `${fmt(m.screenJsKiB, 0)} / ${fmt(m.screenCssKiB, 0)} KiB`,
        "–",
        "",
      ],
      [
        "keystroke → visible in 3 other tabs and the shared screen, one typing",
        `p50 ${fmt(m.oneP50Ms)} ms, p99 ${fmt(m.oneP99Ms)} ms (${fmt(m.oneSamples, 0)} observations, ${fmt(m.oneMissing, 0)} missing)`,
        "–",
        "",
      ],
      [
        "the same, 4 typing at once",
        `p50 ${fmt(m.fourP50Ms)} ms, p99 ${fmt(m.fourP99Ms)} ms (${fmt(m.fourSamples, 0)} observations, ${fmt(m.fourMissing, 0)} missing)`,
        "p99 ≤ 50 ms",
        met(m.fourP99Ms, 50),
      ],
      [
        "main-thread time a tab spends per keystroke it shows (script, style, layout, paint): room / shared screen, one typing; four typing",
        `${fmt(m.oneRoomCpuMsPerKey)} / ${fmt(m.oneScreenCpuMsPerKey)} ms; ${fmt(m.fourRoomCpuMsPerKey)} / ${fmt(m.fourScreenCpuMsPerKey)} ms`,
        "–",
        "",
      ],
      [
        "a participant's tab: JS heap after GC, before → after the simulated meeting",
        `${fmt(m.tabHeapBeforeMb)} → ${fmt(m.tabHeapAfterMb)} MB (${fmt(m.meetingEdits, 0)} keystrokes; ${fmt(m.tabNodesAfter, 0)} DOM nodes)`,
        "bounded",
        "",
      ],
      [
        "the shared screen's tab: JS heap after GC, before → after",
        `${fmt(m.screenHeapBeforeMb)} → ${fmt(m.screenHeapAfterMb)} MB`,
        "bounded",
        "",
      ],
    ],
  );
}

export function issue19Sections(s: Summary): string {
  const o: BenchOptions = s.options;
  return `## S9. Overload at 5× capacity (issue 19)

${o.s9Base} rooms of the meeting workload (\`--s9-base\`; default 400, about the capacity S2 measured on a quiet machine), then ${o.s9Base * 4} more rooms try to join at once and everyone writes for ${o.s9DurationS} s. A room is admitted when its four clients synced within ${o.s9AdmitS} s; the others keep retrying in the background (so the overload lasts the whole window) and their writers keep their entries in their own document ("kept": not lost, sent once admitted). Latency is for the rooms admitted; lost = entries a connected writer sent that its probe never got once writing stopped; recovery = after the extra rooms leave, seconds until a 1 s window's p99 is within max(2 × baseline p99, baseline p99 + 10 ms). One run per server.

${s9Table(s.records)}

## B1. The figures a person feels (issue 19)

Real Chromium (Debian's, through playwright-core) against the whole app as \`npm start\` runs it (its own database, the seeded demo meeting, a production build), the app on core 0 and every browser tab on core 1. ${o.b1Joins} cold joins, each reopened twice warm; keystrokes: ${o.b1Edits} by one typist, then ${Math.ceil(o.b1Edits / 4) * 2} each by four at once, each observed in three other tabs and on the shared screen (a requestAnimationFrame check of what is rendered, against the typist's \`beforeinput\`); the simulated meeting: ${o.b1MeetingEdits} keystrokes of typing and deleting, 90 minutes of a meeting compressed into about a minute.

${b1Table(s.records)}
`;
}

const START = "<!-- issue19:start -->";
const END = "<!-- issue19:end -->";

/** Put the sections into docs/benchmarks.md between the markers (after the goals table the first time). */
export function spliceIssue19(file: string, s: Summary, resultsDir: string, preface: string): void {
  const doc = readFileSync(file, "utf8");
  const block = `${START}\n<!-- From ${resultsDir} (bench/report-issue19.ts). -->\n\n${preface.trim()}\n\n${issue19Sections(s)}${END}`;
  let out: string;
  if (doc.includes(START) && doc.includes(END)) out = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
  else {
    const at = doc.indexOf("## S1. ");
    out = at >= 0 ? `${doc.slice(0, at)}${block}\n\n${doc.slice(at)}` : `${doc}\n${block}\n`;
  }
  writeFileSync(file, out);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx bench/report-issue19.ts bench/results/<run> [preface.md]");
  const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")) as Summary;
  const preface = process.argv[3] ? readFileSync(process.argv[3], "utf8") : "";
  const root = path.join(import.meta.dirname, "..");
  spliceIssue19(path.join(root, "docs", "benchmarks.md"), summary, path.relative(root, path.resolve(dir)), preface);
  process.stdout.write("docs/benchmarks.md: issue 19 sections written\n");
}
