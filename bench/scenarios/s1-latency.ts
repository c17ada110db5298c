import { forEachRun, type Context } from "../lib/context";
import { createTargetRun } from "../lib/targets";
import { MeetingLoad } from "./meeting-load";

/**
 * S1 edit latency: R rooms × 4 clients of the meeting workload; p50/p99/max of writer → probe,
 * updates dropped, convergence at the end. ywss runs without persistence here (method: YPERSISTENCE
 * only for the persistence scenarios), ours and hp with theirs.
 */
export async function runS1(ctx: Context): Promise<void> {
  let saturatedAt: number | null = null;
  for (const rooms of ctx.opts.rooms) {
    // Once every run of a smaller size was invalid because the one-core generator saturated, a
    // bigger size cannot be valid either: it runs once, to show what happens, instead of 3 times.
    const reps = saturatedAt !== null && rooms > saturatedAt ? 1 : undefined;
    const before = ctx.records.length;
    await forEachRun(
      ctx,
      "S1",
      { rooms },
      async (target, rep) => {
        const run = await createTargetRun(target, { persistence: target !== "ywss" });
        const load = new MeetingLoad(ctx, run, ctx.opts.seed + rooms + rep);
        try {
          await run.ensureRooms(rooms);
          const server = await run.start();
          const connectMs = await load.growTo(rooms);
          await new Promise((r) => setTimeout(r, ctx.opts.warmupS * 1000));
          const m = await load.measure(ctx.opts.durationS, [server]);
          const converged = await load.converged();
          load.destroy();
          const stop = await server.stop("SIGTERM");
          return {
            valid: m.invalidReasons.length === 0,
            invalidReasons: m.invalidReasons,
            generator: m.generator,
            metrics: {
              ...m.metrics,
              converged,
              connectMs,
              stopMs: stop.ms,
              serverLogTail: m.metrics.dropped > 0 || !converged ? server.stderr().slice(-1500) : null,
            },
          };
        } finally {
          load.destroy();
          await run.dispose();
        }
      },
      undefined,
      reps,
    );
    const these = ctx.records.slice(before);
    if (saturatedAt === null && these.length > 0 && these.every((r) => !r.valid && r.generator && !r.generator.valid)) saturatedAt = rooms;
  }
}
