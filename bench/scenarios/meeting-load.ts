import { connectRooms, LatencyRecorder, MeetingRoom, type RoomOptions } from "../clients/meeting-room";
import { createRng } from "../lib/prng";
import { summarize } from "../lib/stats";
import { serverWindow, type ServerProcess } from "../lib/server-process";
import type { Context } from "../lib/context";
import { sleep, waitUntil } from "../lib/context";
import type { TargetRun } from "../lib/targets";

/**
 * The meeting workload on a running target, in steps: add rooms, run, measure a window. Shared by
 * S1 (one window), S2 (a ramp), S4 (memory) and S8 (split over two instances).
 */
export class MeetingLoad {
  readonly rooms: MeetingRoom[] = [];
  readonly recorder = new LatencyRecorder();
  private readonly rng;

  constructor(
    private readonly ctx: Context,
    private readonly run: TargetRun,
    seed: number,
    private readonly roomOpts: RoomOptions = { updatesPerSecond: 5 },
  ) {
    this.rng = createRng(seed);
  }

  /** Grow to `n` rooms, connected and loaded; returns how long connecting took. */
  async growTo(n: number): Promise<number> {
    const names = await this.run.ensureRooms(n);
    const added = names.slice(this.rooms.length).map((name) => new MeetingRoom(this.run, name, this.rng, this.recorder, this.roomOpts));
    const t0 = performance.now();
    await connectRooms(added);
    const ms = performance.now() - t0;
    this.rooms.push(...added);
    for (const r of added) r.startLoad();
    return ms;
  }

  /** Measure `seconds`: latency of entries written in the window, drops, server and generator. */
  async measure(seconds: number, servers: ServerProcess[], opts: { stopAfter?: boolean } = {}) {
    this.ctx.monitor.reset();
    const from = performance.now();
    this.recorder.open(from);
    await sleep(seconds * 1000);
    const to = performance.now();
    this.recorder.close(to);
    const generator = this.ctx.monitor.read();
    if (opts.stopAfter) for (const r of this.rooms) r.stopWriting();
    // Entries still in flight at the window's end get a grace period; after it they are drops.
    await waitUntil(() => this.rooms.every((r) => r.dropsIn(from, to).missing === 0), 5000, 100);
    let sent = 0;
    let missing = 0;
    for (const r of this.rooms) {
      const d = r.dropsIn(from, to);
      sent += d.sent;
      missing += d.missing;
    }
    const lat = summarize(this.recorder.samples);
    const server = servers.map((s) => serverWindow(s, from, to));
    const invalidReasons = [...generator.reasons];
    return {
      generator,
      invalidReasons,
      metrics: {
        rooms: this.rooms.length,
        sockets: this.rooms.length * 4,
        p50Ms: lat.p50,
        p99Ms: lat.p99,
        maxMs: lat.max,
        samples: lat.n,
        updatesSent: sent,
        dropped: missing,
        serverCpuPct: server.reduce((a, s) => a + s.cpuAvgPct, 0),
        serverCpuMaxPct: Math.max(...server.map((s) => s.cpuMaxPct)),
        serverRssMb: server.reduce((a, s) => a + s.rssLastMb, 0),
        serverLagP99Ms: Math.max(...server.map((s) => s.lagP99MedianMs)),
        serverLagMaxMs: Math.max(...server.map((s) => s.lagMaxMs)),
        commitP50Ms: server[0]!.commitP50Ms,
        commitP99Ms: server[0]!.commitP99Ms,
        rowsPerCommit: server[0]!.rowsPerCommit,
        generatorCpuPct: generator.cpuPct,
        generatorLoopP99Ms: generator.loopP99Ms,
      },
    };
  }

  /** After writing stopped: do writer and probe of every room hold the same state? */
  async converged(timeoutMs = 5000): Promise<boolean> {
    for (const r of this.rooms) r.stopWriting();
    return waitUntil(() => this.rooms.every((r) => r.converged()), timeoutMs, 100);
  }

  destroy(): void {
    for (const r of this.rooms) r.destroy();
  }
}
