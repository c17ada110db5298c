import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/**
 * Watches the load generator itself. A run is only valid if the generator had headroom: when it
 * is saturated, the latencies it records are its own queueing, not the server's. Rule (method §3):
 * invalid if its CPU exceeds 80% of its core or its event-loop delay p99 exceeds 10 ms.
 */
export type GeneratorHealth = { cpuPct: number; loopP99Ms: number; loopMaxMs: number; valid: boolean; reasons: string[] };

export const MAX_GENERATOR_CPU_PCT = 80;
export const MAX_GENERATOR_LOOP_P99_MS = 10;

/** The histogram records timer delays including its own interval: subtract it to get the lag. */
export const LOOP_RESOLUTION_MS = 2;

export function lagMs(hist: IntervalHistogram, p: number | "max"): number {
  const v = (p === "max" ? hist.max : hist.percentile(p)) / 1e6;
  return Math.max(0, v - LOOP_RESOLUTION_MS);
}

export class GeneratorMonitor {
  private hist: IntervalHistogram;
  private cpu0 = process.cpuUsage();
  private t0 = performance.now();

  constructor() {
    this.hist = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    this.hist.enable();
  }

  /** Start a measured window. */
  reset(): void {
    this.hist.reset();
    this.cpu0 = process.cpuUsage();
    this.t0 = performance.now();
  }

  /** Health over the window since reset(). */
  read(): GeneratorHealth {
    const used = process.cpuUsage(this.cpu0);
    const elapsedMs = performance.now() - this.t0;
    const cpuPct = elapsedMs > 0 ? ((used.user + used.system) / 1000 / elapsedMs) * 100 : 0;
    const loopP99Ms = lagMs(this.hist, 99);
    const loopMaxMs = lagMs(this.hist, "max");
    const reasons: string[] = [];
    if (cpuPct > MAX_GENERATOR_CPU_PCT) reasons.push(`generator CPU ${cpuPct.toFixed(0)}% > ${MAX_GENERATOR_CPU_PCT}%`);
    if (loopP99Ms > MAX_GENERATOR_LOOP_P99_MS)
      reasons.push(`generator event-loop p99 ${loopP99Ms.toFixed(1)} ms > ${MAX_GENERATOR_LOOP_P99_MS} ms`);
    return { cpuPct, loopP99Ms, loopMaxMs, valid: reasons.length === 0, reasons };
  }

  close(): void {
    this.hist.disable();
  }
}
