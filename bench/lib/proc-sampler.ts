import { readFileSync } from "node:fs";

/**
 * Samples a process's resident memory (VmRSS) and CPU (utime+stime) from /proc every
 * `intervalMs`, the way the benchmark method asks: no agent inside the server, nothing that
 * could change what is measured. CPU is % of one core over each interval.
 */
export type ProcSample = { t: number; rssKb: number; cpuPct: number };

const CLK_TCK = 100; // getconf CLK_TCK on Linux x86-64

export function readProc(pid: number): { rssKb: number; ticks: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+)/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return { rssKb: rss ? Number(rss[1]) : 0, ticks };
  } catch {
    return null;
  }
}

export class ProcSampler {
  readonly samples: ProcSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last: { t: number; ticks: number } | null = null;

  constructor(
    readonly pid: number,
    private readonly intervalMs = 500,
  ) {}

  start(): this {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const now = performance.now();
    const p = readProc(this.pid);
    if (!p) return;
    const cpuPct = this.last ? (((p.ticks - this.last.ticks) / CLK_TCK) * 1000 * 100) / (now - this.last.t) : 0;
    if (this.last) this.samples.push({ t: now, rssKb: p.rssKb, cpuPct });
    this.last = { t: now, ticks: p.ticks };
  }

  /** Samples taken within [from, to] (performance.now() times). */
  between(from: number, to: number): ProcSample[] {
    return this.samples.filter((s) => s.t >= from && s.t <= to);
  }

  window(from: number, to: number): { cpuAvg: number; cpuMax: number; rssMaxKb: number; rssLastKb: number } {
    const w = this.between(from, to);
    if (w.length === 0) return { cpuAvg: NaN, cpuMax: NaN, rssMaxKb: NaN, rssLastKb: NaN };
    return {
      cpuAvg: w.reduce((a, s) => a + s.cpuPct, 0) / w.length,
      cpuMax: Math.max(...w.map((s) => s.cpuPct)),
      rssMaxKb: Math.max(...w.map((s) => s.rssKb)),
      rssLastKb: w[w.length - 1]!.rssKb,
    };
  }

  latestRssKb(): number {
    return readProc(this.pid)?.rssKb ?? NaN;
  }
}
