import { forEachRun, sleep, waitUntil, type Context } from "../lib/context";
import { createTargetRun } from "../lib/targets";
import { makeDoc, seedRooms } from "../lib/seed-docs";
import { median } from "../lib/stats";
import { MeetingLoad } from "./meeting-load";

/**
 * S4 memory: (RSS with R active rooms − RSS before any) / R, each room 4 clients on a ~20 KB
 * document under the meeting workload, every RSS read right after a full GC in the server (the
 * same for every target, so the figure is live data, not garbage V8 has not yet collected); then every client leaves: how long until the server has
 * unloaded every room (its own count), and RSS `s4AfterLeaveS` seconds after the last leave
 * against the RSS before (leak check). ywss runs with YPERSISTENCE: without it y-websocket never
 * frees a document (y-websocket#100).
 */
export async function runS4(ctx: Context): Promise<void> {
  const R = ctx.opts.s4Rooms;
  const doc = makeDoc(ctx.opts.s4DocBytes);
  await forEachRun(ctx, "S4", { rooms: R }, async (target, rep) => {
    const run = await createTargetRun(target, { persistence: true });
    const load = new MeetingLoad(ctx, run, ctx.opts.seed + 4000 + rep);
    try {
      const rooms = await run.ensureRooms(R);
      await seedRooms(run, rooms, doc);
      const server = await run.start();
      await sleep(3000);
      const rssAt = (from: number, to: number) => median(server.sampler.between(from, to).map((s) => s.rssKb / 1024));
      const mem = async () => {
        const m = await server.gcMemory();
        if (!m) throw new Error("server did not answer /__bench/gc");
        return m;
      };
      let t = performance.now();
      await sleep(2000);
      const before = await mem();
      await load.growTo(R);
      await sleep(ctx.opts.warmupS * 1000);
      t = performance.now();
      const m = await load.measure(5, [server]);
      const rssActiveSampled = rssAt(t, performance.now());
      const active = await mem();
      load.destroy();
      const left = performance.now();
      const unloaded = await waitUntil(async () => (await server.stats())?.rooms === 0, 120_000, 250);
      const unloadS = unloaded ? (performance.now() - left) / 1000 : NaN;
      const wait = ctx.opts.s4AfterLeaveS * 1000 - (performance.now() - left);
      if (wait > 0) await sleep(wait);
      const after = await mem();
      await server.stop("SIGTERM");
      return {
        valid: m.invalidReasons.length === 0,
        invalidReasons: m.invalidReasons,
        generator: m.generator,
        metrics: {
          rooms: R,
          docBytes: doc.byteLength,
          rssBeforeMb: before.rssMb,
          rssActiveMb: active.rssMb,
          kbPerRoom: ((active.rssMb - before.rssMb) * 1024) / R,
          /** JS heap + external (ArrayBuffers) per room: what the server's own objects hold. */
          heapKbPerRoom: ((active.heapUsedMb + active.externalMb - before.heapUsedMb - before.externalMb) * 1024) / R,
          /** Without the GC, as sampled from /proc during the measured window. */
          rssActiveSampledMb: rssActiveSampled,
          unloadedAllWithinS: unloadS,
          rssAfterLeaveMb: after.rssMb,
          afterLeaveS: ctx.opts.s4AfterLeaveS,
          rssAfterVsBeforePct: ((after.rssMb - before.rssMb) / before.rssMb) * 100,
          p99Ms: m.metrics.p99Ms,
          serverCpuPct: m.metrics.serverCpuPct,
        },
      };
    } finally {
      load.destroy();
      await run.dispose();
    }
  });
}
