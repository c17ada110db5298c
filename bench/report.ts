/**
 * Render docs/benchmarks.md from one run's summary.json: machine and date, the method as run,
 * every goal next to each peer's value, one table per scenario (medians over the valid runs,
 * ratios against each peer), every run's validity. Run alone to re-render:
 * `npx tsx bench/report.ts bench/results/<run>`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunRecord } from "./lib/context";
import type { Machine } from "./lib/machine";
import type { BenchOptions } from "./lib/cli";
import { TARGETS, TARGET_LABEL, type TargetName } from "./lib/targets";
import { median } from "./lib/stats";
import { goalRows } from "./report-goals";
import { issue19Sections } from "./report-issue19";

export type Summary = { machine: Machine; options: BenchOptions; forced: boolean; minutes: number; records: RunRecord[] };

export const fmt = (v: number, digits = 1) =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(digits)) : "–";

/** The runs of one cell, and the median of a metric over its valid runs (over all, marked, if none is valid). */
export function cell(records: RunRecord[], scenario: string, target: TargetName, params: Record<string, unknown> = {}) {
  const runs = records.filter(
    (r) => r.scenario === scenario && r.target === target && Object.entries(params).every(([k, v]) => r.params[k] === v),
  );
  const valid = runs.filter((r) => r.valid);
  const use = valid.length ? valid : runs.filter((r) => !r.error);
  return {
    runs,
    valid,
    allInvalid: runs.length > 0 && valid.length === 0,
    med: (k: string) => median(use.map((r) => r.metrics[k] as number)),
    max: (k: string) => Math.max(...use.map((r) => Number(r.metrics[k])).filter(Number.isFinite)),
    values: (k: string) => use.map((r) => r.metrics[k]),
    tag: () => (runs.length === 0 ? "" : `${valid.length}/${runs.length} valid`),
  };
}

const ratio = (ours: number, peer: number) =>
  Number.isFinite(ours) && Number.isFinite(peer) && peer !== 0 ? `${(ours / peer).toFixed(2)}×` : "–";

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function s1(records: RunRecord[], opts: BenchOptions): string {
  const rows: (string | number)[][] = [];
  for (const rooms of opts.rooms) {
    for (const t of TARGETS) {
      const c = cell(records, "S1", t, { rooms });
      if (!c.runs.length) continue;
      const o = cell(records, "S1", "ours", { rooms });
      rows.push([
        rooms.toLocaleString("en-US"),
        TARGET_LABEL[t],
        fmt(c.med("p50Ms")),
        fmt(c.med("p99Ms")),
        fmt(c.med("maxMs")),
        c.values("dropped").join(", "),
        c.values("converged").every(Boolean) ? "yes" : "NO",
        fmt(c.med("serverCpuPct"), 0),
        fmt(c.med("serverRssMb"), 0),
        fmt(c.med("serverLagP99Ms")),
        t === "ours" ? `${fmt(c.med("commitP50Ms"))} / ${fmt(c.med("commitP99Ms"))} (${fmt(c.med("rowsPerCommit"))} rows)` : "",
        `${fmt(c.med("generatorCpuPct"), 0)}% / ${fmt(c.med("generatorLoopP99Ms"))}`,
        t === "ours" ? "" : `${ratio(o.med("p50Ms"), c.med("p50Ms"))} / ${ratio(o.med("p99Ms"), c.med("p99Ms"))}`,
        c.tag() + (c.allInvalid ? " ⚠" : ""),
      ]);
    }
  }
  return table(
    [
      "rooms",
      "server",
      "p50 ms",
      "p99 ms",
      "max ms",
      "dropped (per run)",
      "converged",
      "server CPU %",
      "server RSS MB",
      "server loop p99 ms",
      "group commit p50 / p99 ms",
      "generator CPU / loop p99 ms",
      "ours ÷ peer (p50 / p99)",
      "runs",
    ],
    rows,
  );
}

function s2(records: RunRecord[]): string {
  const o = cell(records, "S2", "ours");
  const rows = TARGETS.map((t) => {
    const c = cell(records, "S2", t);
    if (!c.runs.length) return null;
    const lb = c.runs.some((r) => r.metrics.lowerBoundOnly === true);
    return [
      TARGET_LABEL[t],
      `${lb ? "≥ " : ""}${fmt(c.med("capacityRooms"), 0)}`,
      c.runs.map((r) => `${r.metrics.capacityRooms ?? "–"}`).join(", "),
      c.runs.map((r) => String(r.metrics.stoppedBy ?? r.invalidReasons.join("; "))).join("<br>"),
      t === "ours" ? "" : ratio(o.med("capacityRooms"), c.med("capacityRooms")),
      c.tag(),
    ];
  }).filter((r): r is string[] => r !== null);
  return table(["server", "capacity (rooms, median)", "per run", "ramp stopped by", "ours ÷ peer", "runs"], rows);
}

function s3(records: RunRecord[], opts: BenchOptions): string {
  const rows: (string | number)[][] = [];
  for (const n of opts.history) {
    for (const t of TARGETS) {
      const c = cell(records, "S3", t, { history: n });
      if (!c.runs.length) continue;
      const o = cell(records, "S3", "ours", { history: n });
      rows.push([
        n.toLocaleString("en-US"),
        TARGET_LABEL[t],
        fmt(c.med("coldP50Ms")),
        fmt(c.med("coldP99Ms")),
        compacted(c),
        fmt(c.med("warmP50Ms")),
        fmt(c.med("warmP99Ms")),
        `${fmt(c.med("bytesPerColdJoin") / 1024)} / ${fmt(c.med("docBytes") / 1024)}`,
        `${fmt(c.med("storedRowsBefore"), 0)} → ${fmt(c.med("storedRowsAfter"), 0)}`,
        fmt(c.med("syncedBeforeContent"), 0),
        t === "ours" ? "" : `${ratio(o.med("coldP99Ms"), c.med("coldP99Ms"))} / ${ratio(o.med("warmP99Ms"), c.med("warmP99Ms"))}`,
        c.tag(),
      ]);
    }
  }
  return table(
    [
      "stored updates",
      "server",
      "cold p50 ms (the whole log, never compacted)",
      "cold p99 ms (the whole log, never compacted)",
      "cold join after compaction (one state row + tail): p50 / p99 ms (rows read)",
      "warm p50 ms",
      "warm p99 ms",
      "KiB received / doc KiB",
      "stored rows → after leave",
      "synced before content",
      "ours ÷ peer (cold / warm p99)",
      "runs",
    ],
    rows,
  );
}

/**
 * The second cold join into the same rooms once compacted (ours, ywss); "–" for hp (its storage
 * is the full state already) and for runs from before it was measured.
 */
function compacted(c: ReturnType<typeof cell>): string {
  const p50 = c.med("coldCompactedP50Ms");
  if (!Number.isFinite(p50)) return "–";
  const rows = c.med("coldCompactedRowsRead");
  return `${fmt(p50)} / ${fmt(c.med("coldCompactedP99Ms"))} (${fmt(rows, 0)} ${rows === 1 ? "row" : "rows"})`;
}

function s4(records: RunRecord[]): string {
  const o = cell(records, "S4", "ours");
  const rows = TARGETS.map((t) => {
    const c = cell(records, "S4", t);
    if (!c.runs.length) return null;
    return [
      TARGET_LABEL[t],
      fmt(c.med("rooms"), 0),
      fmt(c.med("rssBeforeMb"), 0),
      fmt(c.med("rssActiveMb"), 0),
      fmt(c.med("kbPerRoom"), 0),
      fmt(c.med("heapKbPerRoom"), 0),
      fmt(c.med("unloadedAllWithinS")),
      `${fmt(c.med("rssAfterLeaveMb"), 0)} (${fmt(c.med("rssAfterVsBeforePct"), 0)}%)`,
      t === "ours" ? "" : ratio(o.med("kbPerRoom"), c.med("kbPerRoom")),
      c.tag() + (c.allInvalid ? " ⚠" : ""),
    ];
  }).filter((r): r is string[] => r !== null);
  const after = records.find((r) => r.scenario === "S4")?.metrics.afterLeaveS ?? 60;
  return table(
    [
      "server",
      "rooms",
      "RSS before MB",
      "RSS active MB",
      "KB per active room (RSS)",
      "KB per active room (heap + buffers)",
      "all rooms unloaded after (s)",
      `RSS ${after} s after the last leave, MB (vs before)`,
      "ours ÷ peer (KB/room)",
      "runs",
    ],
    rows,
  );
}

function s5(records: RunRecord[]): string {
  const rows: string[][] = [];
  for (const signal of ["SIGKILL", "SIGTERM"]) {
    for (const t of TARGETS) {
      const c = cell(records, "S5", t, { signal });
      if (!c.runs.length) continue;
      rows.push([
        signal,
        TARGET_LABEL[t],
        c.values("lost").join(", "),
        c.values("seenByProbe").join(", "),
        fmt(c.max("maxLostPerRoom"), 0),
        fmt(c.max("maxLostMsOfEdits"), 0),
        c.values("exitCode").join(", "),
        c.tag(),
      ]);
    }
  }
  return table(
    [
      "signal",
      "server",
      "updates lost per kill (per run)",
      "updates the probes had seen (per run)",
      "worst room: lost updates",
      "worst room: ms of edits lost",
      "exit",
      "runs",
    ],
    rows,
  );
}

function s6(records: RunRecord[]): string {
  const o = cell(records, "S6", "ours");
  const rows = TARGETS.map((t) => {
    const c = cell(records, "S6", t);
    if (!c.runs.length) return null;
    return [
      TARGET_LABEL[t],
      `${fmt(c.med("rooms"), 0)} × 4`,
      fmt(c.med("restartMs") / 1000),
      fmt(c.med("allResyncedFromReadyMs") / 1000),
      fmt(c.med("allResyncedFromSignalMs") / 1000),
      fmt(c.med("pctWithin10s"), 0),
      fmt(c.med("peakRssMb"), 0),
      t === "ours" ? "" : ratio(o.med("allResyncedFromReadyMs"), c.med("allResyncedFromReadyMs")),
      c.tag() + (c.allInvalid ? " ⚠" : ""),
    ];
  }).filter((r): r is string[] => r !== null);
  return table(
    [
      "server",
      "clients",
      "restart (signal → listening) s",
      "all resynced after listening, s",
      "… after the signal, s",
      "% resynced ≤ 10 s after listening",
      "peak RSS MB",
      "ours ÷ peer",
      "runs",
    ],
    rows,
  );
}

function s7(records: RunRecord[]): string {
  const rows = TARGETS.map((t) => {
    const c = cell(records, "S7", t);
    if (!c.runs.length) return null;
    const all = (k: string) => [...new Set(c.runs.map((r) => String(r.metrics[k] ?? "–")))].join(", ");
    return [
      TARGET_LABEL[t],
      fmt(c.med("baselineP99Ms")),
      fmt(c.med("attackP99Ms")),
      `${fmt(c.med("p99Ratio"))}×`,
      `${all("serverAlive")} / ${all("serverResponsive")}`,
      all("bigUpdate"),
      all("randomBytes"),
      all("awarenessFlood"),
      all("fakeClientIds"),
      fmt(c.med("awarenessStatesInRoom"), 0),
      c.tag() + (c.allInvalid ? " ⚠" : ""),
    ];
  }).filter((r): r is string[] => r !== null);
  return table(
    [
      "server",
      "other rooms' p99 before, ms",
      "… during the attack, ms",
      "ratio",
      "process alive / answering",
      "10 MB update",
      "random bytes",
      "1 kHz awareness",
      "10k clientIDs",
      "awareness states in the attacked room",
      "runs",
    ],
    rows,
  );
}

function s8(records: RunRecord[]): string {
  const rows = (["single", "two-instances"] as const)
    .map((mode) => {
      const c = cell(records, "S8", "ours", { mode });
      if (!c.runs.length) return null;
      return [
        mode === "single" ? "one instance" : "two instances + Redis, rooms split",
        fmt(c.med("rooms"), 0),
        fmt(c.med("p50Ms")),
        fmt(c.med("p99Ms")),
        fmt(c.med("maxMs")),
        c.values("dropped").join(", "),
        c.values("converged").every(Boolean) ? "yes" : "NO",
        fmt(c.med("serverCpuPct"), 0),
        c.tag() + (c.allInvalid ? " ⚠" : ""),
      ];
    })
    .filter((r): r is string[] => r !== null);
  return rows.length
    ? table(["setup", "rooms", "p50 ms", "p99 ms", "max ms", "dropped", "converged", "server CPU % (sum)", "runs"], rows)
    : "_Not measured in this run._";
}

function runsList(records: RunRecord[]): string {
  return table(
    ["scenario", "server", "params", "rep", "order", "valid", "why invalid"],
    records.map((r) => [
      r.scenario,
      r.target,
      Object.entries(r.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(" "),
      r.rep + 1,
      r.order + 1,
      r.valid ? "yes" : "**no**",
      r.invalidReasons.join("; ") + (r.error ? ` (${r.error.split("\n")[0]})` : ""),
    ]),
  );
}

export function renderReport(s: Summary, resultsDir: string): string {
  const m = s.machine;
  const o = s.options;
  const has = (sc: string) => s.records.some((r) => r.scenario === sc);
  const analysisFile = path.join(import.meta.dirname, "analysis.md");
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, "utf8").trim() : "";
  const section = (id: string, title: string, body: string, notes: string) =>
    `## ${id}. ${title}\n\n${notes}\n\n${has(id) ? body : "_Not measured in this run._"}\n`;
  return `# Benchmarks

<!-- Generated by \`npm run bench\` (bench/report.ts) from ${resultsDir}; the analysis comes from bench/analysis.md. -->

One run of \`npm run bench\` (${o.scenarios.join(", ")}; ${o.reps} runs per server and scenario in rotating order), **${m.date.slice(0, 10)}**, ${fmt(s.minutes, 0)} minutes${s.forced ? " — **started with --force on a busy machine (load " + m.load1.toFixed(2) + "): treat as indicative only**" : ""}.

**Machine:** ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.ramGb} GiB RAM; Node ${m.node}; ${m.postgres}; Redis ${m.redis}; 1-minute load average at start ${m.load1.toFixed(2)}.

**Servers:** ${TARGETS.map((t) => TARGET_LABEL[t]).join("; ")}. See "Method" below for how each is set up.

${analysis}

## Goals for our server, next to each peer

${goalRows(s)}

${section("S1", "Edit latency (meeting workload)", s1(s.records, o), `Writer → server → probe, for entries written in the ${o.durationS} s measured window after ${o.warmupS} s of warm-up; medians of the valid runs. ywss runs without persistence in S1 and S2 (the method's YPERSISTENCE is for the persistence scenarios); ours and hp with theirs.`)}
${section("S2", "Capacity", s2(s.records), `Rooms raised ×1.25 from ${o.s2Start} (${o.s2StepS} s measured per step) until p99 > 50 ms, an update drops, or server CPU > 95%; capacity = the last step that passed. "≥" = the ramp ended because the load generator (one core) saturated first, so the server's capacity is at least that.`)}
${section("S3", "Join and sync a room with a long history", s3(s.records, o), `${o.coldJoins} cold joins (each into its own unloaded room holding the history) and ${o.warmJoins} warm joins (another client keeps the room loaded) per size; join = \`new provider\` → synced and content equal to the history. Each server stores the history its own way: ours one row per update (folded into the document's state row on load above 500 and after the room is left), ywss one LevelDB entry per update (compacted on load above 500), hp only the full state (so its "1 row" is by design, and its cold join is one bytea read). The cold columns read the whole history as seeded, never compacted: the worst case (a log left by crashes, or imported). "Cold join after compaction": once those rooms were left, unloaded and compacted, each is cold-joined once more, reading what a cold join reads in normal running: ours the state row plus the update log's tail (rows read = 1 + tail), ywss its LevelDB entries (it is restarted for this, its LevelDB being counted with the server stopped, and joins one other room untimed first); not measured for hp.`)}
${section("S4", "Memory per active room, and after every room was left", s4(s.records), `(RSS with R active rooms − RSS before) / R, 4 clients per room on a ~${fmt(o.s4DocBytes / 1000, 0)} KB document; each RSS read right after a full GC in the server (\`--expose-gc\`, the same for all three), and the heap + buffers per room from \`process.memoryUsage()\` at the same moments. "Unloaded" = the server's own count of loaded documents reached 0. ywss with YPERSISTENCE (without it y-websocket never frees a document).`)}
${section("S5", "Updates lost per kill", s5(s.records), `${o.s5Rooms} rooms, writers at ${o.s5Rate} updates/s, signal at a random time 3–8 s in; every client destroyed at once, server restarted on the same storage, a fresh client per room reads. Lost = entries another participant (the probe) had received that the fresh read lacks.`)}
${section("S6", "Reconnect storm after a restart", s6(s.records), `${o.s6Rooms} rooms × 4 clients attached and synced (quiet: no typing, so the storm alone is measured), SIGTERM, a new server on the same port and storage as soon as the old one exited. Full clients are the stock providers (y-websocket: 100·2ⁿ ms up to 2.5 s, no jitter; Hocuspocus provider: jittered, from 1 s); thin clients mimic them. A reconnect storm of this size saturates the one-core generator, so these runs are usually marked invalid: the times are then upper bounds (the server may have been ready sooner than the generator could tell).`)}
${section("S7", "Abuse while the others work", s7(s.records), `${o.s7Rooms} rooms under the meeting workload; from one more room, four sockets of a participant send a 10 MB update, 50 frames of random bytes, awareness at 1 kHz, and one awareness message with 10,000 made-up clientIDs. ${o.s7WindowS} s baseline, then ${o.s7WindowS} s of attack. Socket outcome = the close code the attacker saw, or its state 2 s after the attack ("closing": the server started closing it).`)}
${section("S8", "Two instances on Redis", s8(s.records), `Our server only: ${o.s8Rooms} rooms on one instance, then on two instances sharing Redis with every room split (writer on A, probe on B), so every measured update crosses instances. Both instances share core 0.`)}
${has("S9") || has("B1") ? issue19Sections(s) : ""}
## Method, as run

- Follows /work/shared/reference/collab-servers.md §3, scaled to this 2-core machine so that a full run takes well under an hour: ${o.warmupS} s warm-up and ${o.durationS} s measured (method: 10 s and 60 s; \`--warmup 10 --duration 60\` runs the method's durations); S3 with ${o.coldJoins} cold and ${o.warmJoins} warm joins per size (method: 20); S4 measures RSS ${o.s4AfterLeaveS} s after the last leave (method: 60; \`--s4-after-leave 60\`). Seed ${o.seed}.
- S1: once every run of a size was invalid because the generator saturated, bigger sizes run once instead of ${o.reps} times (they cannot become valid; they are shown for what the servers did).
- Each server × scenario ran ${o.reps} times in rotating order (ABC, BCA, CAB), each with a fresh database (or LevelDB folder) and a fresh server process.
- Server pinned with \`taskset -c 0\`, load generator (one Node process: every client) with \`taskset -c 1\`. **PostgreSQL and Redis are not pinned: they share the two cores with both**, so ours and hp pay for their database on the same machine.
- VmRSS and CPU of each server sampled from /proc every 500 ms; each server's event-loop lag from a bench-only stats path (a histogram, near-free).
- A run is **invalid** when the generator's CPU exceeded 80% or its event-loop p99 exceeded 10 ms during the measured window; invalid runs are listed below and left out of the medians (a cell where every run was invalid shows the median of all its runs, marked ⚠).
- Workload "meeting": rooms of 4 clients; the writer appends \`[seq, t0]\` at 5/s, all four send awareness at 1 Hz; writer and probe are full providers (y-websocket 3.1.0 for ours and ywss, HocuspocusProvider 3.4.4 for hp), the other two thin protocol clients. Convergence = writer and probe have the same state vector and content at the end.
- ours: bench/servers/ours.ts = an HTTP server + \`createCollabServer()\` with production defaults on its own PostgreSQL database, real tickets (one case, one meeting per room, tickets minted with issueTicket), nothing bypassed (the shape check runs on every update, against the meeting schema plus the bench's scratch roots \`notes\` and \`bench\`). ywss: bench/servers/ywss.ts = y-websocket 1.5.4's bin/server.js with its own ws@6. hp: bench/servers/hp.ts = Hocuspocus 3.4.4 with the Database extension storing the full state as bytea in its own PostgreSQL database, default debounce (2 s, max 10 s).
- Deviations from the reference method: Node 20 (the machine's), not 22; the peers are the versions the issue names (y-websocket 1.5.4's bundled server rather than @y/websocket-server 0.1.1, which is the same bin/utils.js moved to its own package; Hocuspocus 3 rather than 4, which needs Node ≥ 22); client y-websocket 3.1.0 (the app's) rather than 3.0.0. S7 (abuse) is a small version of the method's (its rooms and window are flags).

## Every run

${runsList(s.records)}
`;
}

export function writeReport(summary: Summary, file: string, resultsDir: string): void {
  writeFileSync(file, renderReport(summary, resultsDir));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx bench/report.ts bench/results/<run>");
  const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")) as Summary;
  writeReport(
    summary,
    path.join(import.meta.dirname, "..", "docs", "benchmarks.md"),
    path.relative(path.join(import.meta.dirname, ".."), path.resolve(dir)),
  );
  process.stdout.write("docs/benchmarks.md written\n");
}
