import { connectRooms, LatencyRecorder, MeetingRoom } from "../clients/meeting-room";
import { forEachRun, sleep, waitUntil, type Context } from "../lib/context";
import { createRng } from "../lib/prng";
import { createTargetRun } from "../lib/targets";

/**
 * S6 reconnect storm: R rooms × 4 clients attached (synced, quiet), the server restarted (SIGTERM,
 * then a new process on the same port and storage as soon as the old one exited); time until
 * every client has synced again, counted from the moment the new server listened (and from the
 * signal), the share resynced within 10 s, and the new server's peak RSS. Clients reconnect the
 * way their stock providers do (y-websocket: 100·2ⁿ ms, no jitter; Hocuspocus: jittered).
 */
export async function runS6(ctx: Context): Promise<void> {
  const R = ctx.opts.s6Rooms;
  await forEachRun(ctx, "S6", { rooms: R }, async (target, rep) => {
    const run = await createTargetRun(target, { persistence: true });
    const rng = createRng(ctx.opts.seed + 6000 + rep);
    const rooms: MeetingRoom[] = [];
    try {
      const names = await run.ensureRooms(R);
      let server = await run.start();
      const rec = new LatencyRecorder();
      rooms.push(...names.map((n) => new MeetingRoom(run, n, rng, rec, { updatesPerSecond: 5 })));
      await connectRooms(rooms);
      // Attached but quiet: the storm alone is measured, not the storm on top of the workload
      // (which the one-core generator could not drive at this size anyway).
      await sleep(2000);
      const clients = rooms.flatMap((r) => [r.writer, r.probe, ...r.thins]);
      const base = clients.map((c) => c.syncCount);
      const resyncedAt: number[] = clients.map(() => NaN);
      const check = () => {
        let n = 0;
        const now = performance.now();
        clients.forEach((c, i) => {
          if (c.syncCount > base[i]! && c.synced) {
            if (Number.isNaN(resyncedAt[i]!)) resyncedAt[i] = now;
            n++;
          }
        });
        return n;
      };
      const tKill = performance.now();
      const stop = await server.stop("SIGTERM", 20_000);
      server = await run.start();
      const tReady = performance.now();
      ctx.monitor.reset();
      const all = await waitUntil(() => check() === clients.length, 60_000, 20);
      const generator = ctx.monitor.read();
      const done = performance.now();
      const within10 = resyncedAt.filter((t) => t - tReady <= 10_000).length;
      const peak = server.sampler.window(tReady, done + 500);
      for (const r of rooms) r.destroy();
      await server.stop("SIGTERM");
      return {
        valid: generator.valid,
        invalidReasons: generator.reasons,
        generator,
        metrics: {
          rooms: R,
          clients: clients.length,
          allResynced: all,
          resynced: resyncedAt.filter((t) => !Number.isNaN(t)).length,
          allResyncedFromReadyMs: all ? Math.max(...resyncedAt) - tReady : NaN,
          allResyncedFromSignalMs: all ? Math.max(...resyncedAt) - tKill : NaN,
          pctWithin10s: (within10 / clients.length) * 100,
          oldServerStopMs: stop.ms,
          restartMs: tReady - tKill,
          peakRssMb: peak.rssMaxKb / 1024,
          peakCpuPct: peak.cpuMax,
        },
      };
    } finally {
      for (const r of rooms) r.destroy();
      await run.dispose();
    }
  });
}
