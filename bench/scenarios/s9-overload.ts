import { forEachRun, sleep, waitUntil, type Context } from "../lib/context";
import { createTargetRun } from "../lib/targets";
import { createRng } from "../lib/prng";
import { summarize } from "../lib/stats";
import { serverWindow } from "../lib/server-process";
import { LatencyRecorder, MeetingRoom } from "../clients/meeting-room";

/**
 * S9 overload (issue 19): `s9Base` rooms (about the measured capacity) run the meeting workload;
 * then 4 × as many more rooms try to join at once (5× capacity) and everyone writes for
 * `s9DurationS`. A room is "admitted" when all four of its clients synced within `s9AdmitS`; the
 * rest keep retrying in the background (a refused stock client reconnects), so the overload lasts
 * the whole window. Measured: p99 of the rooms admitted (base + newly admitted), the server's
 * peak RSS, updates lost (every entry any writer holds must reach its probe once writing stops;
 * entries of writers never admitted are still in their own document: "kept", not lost),
 * convergence, and the recovery: once the extra rooms leave, how long until the p99 of a 1 s
 * window is back within max(2 × baseline p99, baseline p99 + 10 ms).
 */
export async function runS9(ctx: Context): Promise<void> {
  const base = ctx.opts.s9Base;
  const total = base * 5;
  await forEachRun(
    ctx,
    "S9",
    { rooms: total },
    async (target, rep) => {
      const run = await createTargetRun(target, { persistence: target !== "ywss" });
      const rng = createRng(ctx.opts.seed + 9000 + rep);
      const admittedRec = new LatencyRecorder();
      const lateRec = new LatencyRecorder();
      const all: MeetingRoom[] = [];
      try {
        const names = await run.ensureRooms(total);
        const server = await run.start();
        const baseRooms = names.slice(0, base).map((n) => new MeetingRoom(run, n, rng, admittedRec, { updatesPerSecond: 5 }));
        all.push(...baseRooms);
        const baseIn = await connectSome(baseRooms, 60_000);
        const baseAdmitted = baseRooms.filter((_, i) => baseIn[i]);
        ctx.log(`  S9 ${target}: ${baseAdmitted.length} of ${base} base rooms connected`);
        for (const r of baseRooms) r.startLoad();
        await sleep(ctx.opts.warmupS * 1000);
        // Baseline: base rooms alone.
        admittedRec.open();
        await sleep(5_000);
        admittedRec.close();
        const baseline = summarize(admittedRec.samples);
        ctx.log(`  S9 ${target} baseline ${base} rooms: p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms`);

        // The overload: 4 × base more rooms at once.
        const extra = names.slice(base).map((n) => new MeetingRoom(run, n, rng, lateRec, { updatesPerSecond: 5 }));
        all.push(...extra);
        const tJoin = performance.now();
        const outcomes = await connectSome(extra, ctx.opts.s9AdmitS * 1000);
        const admittedExtra = extra.filter((_, i) => outcomes[i]);
        // Every room writes, admitted or not (a refused writer keeps its entries in its document).
        for (const r of extra) r.startLoad();
        // Admitted extra rooms are measured with the base rooms from here on.
        for (const r of admittedExtra) r.useRecorder(admittedRec);
        ctx.log(
          `  S9 ${target}: ${admittedExtra.length} of ${extra.length} extra rooms admitted within ${ctx.opts.s9AdmitS} s (${((performance.now() - tJoin) / 1000).toFixed(1)} s)`,
        );
        ctx.monitor.reset();
        const from = performance.now();
        admittedRec.open(from);
        await sleep(ctx.opts.s9DurationS * 1000);
        const to = performance.now();
        admittedRec.close(to);
        const generator = ctx.monitor.read();
        const over = summarize(admittedRec.samples);
        const sw = serverWindow(server, from, to);
        const statsIn = server.statsSamples
          .filter((x) => x.t >= from && x.t <= to)
          .map((x) => (x.stats.extra ?? {}) as { peakPendingWrites?: number; refusedJoins?: number; pendingWrites?: number });
        const peakQueue = Math.max(0, ...statsIn.map((x) => x.peakPendingWrites ?? x.pendingWrites ?? 0));
        const refusedJoins = Math.max(0, ...statsIn.map((x) => x.refusedJoins ?? 0));

        // Recovery: the extra rooms stop writing and leave; 1 s windows of the base rooms.
        for (const r of extra) r.stopWriting();
        const tLeave = performance.now();
        for (const r of extra) r.destroyClientsKeepingCounts();
        const normal = Math.max(2 * baseline.p99, baseline.p99 + 10);
        let recoveredAfterS = NaN;
        for (let i = 0; i < 30; i++) {
          const w0 = performance.now();
          admittedRec.open(w0);
          await sleep(1000);
          admittedRec.close(performance.now());
          const w = summarize(admittedRec.samples);
          if (w.n > 0 && w.p99 <= normal) {
            recoveredAfterS = (performance.now() - tLeave) / 1000;
            break;
          }
        }

        // Lost and converged: every entry a connected writer sent must reach its probe.
        for (const r of baseRooms) r.stopWriting();
        const live = [...baseAdmitted, ...admittedExtra];
        await waitUntil(() => live.every((r) => r.dropsIn(0, Infinity).missing === 0), 30_000, 200);
        let lost = 0;
        let sent = 0;
        for (const r of live) {
          const d = r.dropsIn(0, Infinity);
          lost += d.missing;
          sent += d.sent;
        }
        const converged = await waitUntil(() => live.every((r) => r.converged()), 15_000, 200);
        const keptUnadmitted = extra.filter((_, i) => !outcomes[i]).reduce((a, r) => a + r.sent.length, 0);
        const stop = await server.stop("SIGTERM");
        return {
          valid: generator.valid,
          invalidReasons: generator.reasons,
          generator,
          metrics: {
            baseRooms: base,
            baseConnected: baseAdmitted.length,
            rooms: total,
            admittedRooms: baseAdmitted.length + admittedExtra.length,
            baselineP50Ms: baseline.p50,
            baselineP99Ms: baseline.p99,
            p50Ms: over.p50,
            p99Ms: over.p99,
            maxMs: over.max,
            samples: over.n,
            updatesSent: sent,
            lost,
            keptUnadmitted,
            converged,
            recoveredAfterS,
            serverRssMaxMb: sw.rssMaxMb,
            serverCpuPct: sw.cpuAvgPct,
            peakQueue,
            refusedJoins,
            stopMs: stop.ms,
            generatorCpuPct: generator.cpuPct,
            generatorLoopP99Ms: generator.loopP99Ms,
          },
        };
      } finally {
        for (const r of all) r.destroy();
        await run.dispose();
      }
    },
    undefined,
    1,
  );
}

/** Connect rooms 50 at a time; true for each room whose four clients synced within `timeoutMs`. */
async function connectSome(rooms: MeetingRoom[], timeoutMs: number): Promise<boolean[]> {
  const out: boolean[] = new Array(rooms.length).fill(false);
  const deadline = performance.now() + timeoutMs;
  let i = 0;
  const worker = async () => {
    while (i < rooms.length) {
      const k = i++;
      const left = deadline - performance.now();
      if (left <= 0) {
        // Past the window: its clients still try (a refused client comes back later), unmeasured.
        rooms[k]!.connect(600_000).catch(() => {});
        continue;
      }
      out[k] = await rooms[k]!.connect(left).then(
        () => true,
        () => false,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(50, rooms.length) }, worker));
  return out;
}
