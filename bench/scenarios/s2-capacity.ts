import { forEachRun, sleep, type Context } from "../lib/context";
import { createTargetRun } from "../lib/targets";
import { MeetingLoad } from "./meeting-load";

/**
 * S2 capacity: one server, rooms raised ×1.25 per step (measured `s2StepS` each) until p99 > 50 ms,
 * an update drops, or the server's CPU exceeds 95%. Capacity = the last step that passed. A step
 * where the generator itself is saturated ends the ramp too: the capacity is then only a lower
 * bound ("≥"), set by the load generator, not by the server.
 */
export const S2_P99_LIMIT_MS = 50;
export const S2_CPU_LIMIT_PCT = 95;

export async function runS2(ctx: Context): Promise<void> {
  await forEachRun(ctx, "S2", {}, async (target, rep) => {
    const run = await createTargetRun(target, { persistence: target !== "ywss" });
    const load = new MeetingLoad(ctx, run, ctx.opts.seed + 2000 + rep);
    try {
      const server = await run.start();
      const steps: { rooms: number; p99Ms: number; dropped: number; cpu: number; genOk: boolean; reasons: string[] }[] = [];
      let rooms = ctx.opts.s2Start;
      let capacity = 0;
      let stoppedBy = `reached --s2-max ${ctx.opts.s2Max}`;
      let boundedByGenerator = false;
      while (rooms <= ctx.opts.s2Max) {
        await load.growTo(rooms);
        await sleep(2000);
        const m = await load.measure(ctx.opts.s2StepS, [server]);
        const p99 = m.metrics.p99Ms;
        const dropped = m.metrics.dropped;
        const cpu = m.metrics.serverCpuPct;
        steps.push({ rooms, p99Ms: p99, dropped, cpu, genOk: m.generator.valid, reasons: m.generator.reasons });
        ctx.log(
          `  S2 ${target} ${rooms} rooms: p99 ${p99.toFixed(1)} ms, dropped ${dropped}, server CPU ${cpu.toFixed(0)}%, generator ${m.generator.cpuPct.toFixed(0)}% / p99 lag ${m.generator.loopP99Ms.toFixed(1)} ms`,
        );
        const fails = [
          p99 > S2_P99_LIMIT_MS && `p99 ${p99.toFixed(1)} ms > ${S2_P99_LIMIT_MS}`,
          dropped > 0 && `${dropped} dropped`,
          cpu > S2_CPU_LIMIT_PCT && `server CPU ${cpu.toFixed(0)}% > ${S2_CPU_LIMIT_PCT}%`,
        ].filter(Boolean) as string[];
        if (!m.generator.valid) {
          // The generator is the bottleneck: whatever failed here says nothing about the server.
          boundedByGenerator = true;
          stoppedBy = `generator saturated at ${rooms} rooms (${m.generator.reasons.join("; ")})`;
          break;
        }
        if (fails.length > 0) {
          stoppedBy = `${fails.join(", ")} at ${rooms} rooms`;
          break;
        }
        capacity = rooms;
        rooms = Math.round(rooms * 1.25);
      }
      load.destroy();
      await server.stop("SIGKILL");
      // Capacity is valid as a measurement even when the ramp ended at the generator: it is then a lower bound.
      return {
        valid: capacity > 0,
        invalidReasons: capacity > 0 ? [] : [`no step passed: ${stoppedBy}`],
        generator: null,
        metrics: { capacityRooms: capacity, lowerBoundOnly: boundedByGenerator, stoppedBy, steps: JSON.stringify(steps) },
      };
    } finally {
      load.destroy();
      await run.dispose();
    }
  });
}
