import * as Y from "yjs";
import { createFullClient, type FullClient } from "./full-client";
import { ThinClient } from "./thin-client";
import type { ClientRole, TargetRun } from "../lib/targets";
import type { Rng } from "../lib/prng";

/**
 * Workload "meeting" (method §3): a room of 4 clients. The writer appends `[seq, t0]` to a Y.Array
 * at `updatesPerSecond` (t0 = performance.now() in this process); the probe records now − t0 for
 * every entry it receives (one process, one clock) and which seqs arrived; everyone sends
 * awareness at 1 Hz. Writer and probe are full providers, the other two thin protocol clients.
 */
export type Entry = [seq: number, t0: number];

/** Latencies of entries written inside the measured window. */
export class LatencyRecorder {
  from = Infinity;
  to = Infinity;
  readonly samples: number[] = [];

  open(now = performance.now()): void {
    this.from = now;
    this.to = Infinity;
    this.samples.length = 0;
  }

  close(now = performance.now()): void {
    this.to = now;
  }

  record(t0: number, now: number): void {
    if (t0 >= this.from && t0 <= this.to) this.samples.push(now - t0);
  }
}

export type RoomOptions = {
  updatesPerSecond: number;
  /** Which server instance each role connects to (S8 splits a room over two). */
  instanceOf?: (role: ClientRole) => number;
  /** Only writer and probe (S5). */
  noThin?: boolean;
};

export class MeetingRoom {
  writer!: FullClient;
  probe!: FullClient;
  thins: ThinClient[] = [];
  /** t0 of every entry the writer sent, by seq. */
  readonly sent: number[] = [];
  readonly received = new Set<number>();
  private timers: NodeJS.Timeout[] = [];
  private writing: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: TargetRun,
    readonly name: string,
    private readonly rng: Rng,
    private recorder: LatencyRecorder,
    private readonly opts: RoomOptions,
  ) {}

  /** From now on, latencies go to `r` (S9 moves rooms admitted under overload to the measured set). */
  useRecorder(r: LatencyRecorder): void {
    this.recorder = r;
  }

  async connect(timeoutMs = 60_000): Promise<void> {
    const at = (role: ClientRole) => this.run.endpoint(this.name, role, this.opts.instanceOf?.(role) ?? 0);
    this.writer = createFullClient(at("writer"), { name: "Writer", color: "#1f77b4" });
    this.probe = createFullClient(at("probe"), { name: "Probe", color: "#ff7f0e" });
    this.probe.doc.getArray<Entry>("bench").observe((e) => {
      const now = performance.now();
      for (const d of e.changes.delta) {
        if (!d.insert) continue;
        for (const item of d.insert as Entry[]) {
          if (this.received.has(item[0])) continue;
          this.received.add(item[0]);
          this.recorder.record(item[1], now);
        }
      }
    });
    const waits = [this.writer.whenSynced(timeoutMs), this.probe.whenSynced(timeoutMs)];
    if (!this.opts.noThin) {
      for (const role of ["thin1", "thin2"] as const) {
        const ep = at(role);
        const thin = new ThinClient(ep, this.rng, {
          user: { participantId: ep.participantId, name: role, color: "#2ca02c" },
          cursor: null,
        });
        this.thins.push(thin);
        waits.push(
          new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`thin client not synced within ${timeoutMs} ms (${this.name})`)), timeoutMs);
            thin.onSync = () => {
              clearTimeout(t);
              thin.onSync = null;
              resolve();
            };
          }),
        );
        thin.connect();
      }
    }
    await Promise.all(waits);
  }

  /** Writer at updatesPerSecond and awareness at 1 Hz for all four, each on its own random phase. */
  startLoad(): void {
    const period = 1000 / this.opts.updatesPerSecond;
    const arr = this.writer.doc.getArray<Entry>("bench");
    this.every(
      period,
      () => {
        const seq = this.sent.length;
        const t0 = performance.now();
        this.sent.push(t0);
        arr.push([[seq, t0]]);
      },
      true,
    );
    let n = 0;
    for (const c of [this.writer, this.probe]) this.every(1000, () => c.awareness.setLocalStateField("cursor", { index: n++ }));
    for (const t of this.thins) this.every(1000, () => t.sendAwareness());
  }

  private every(ms: number, f: () => void, isWriter = false): void {
    const start = setTimeout(() => {
      const iv = setInterval(f, ms);
      if (isWriter) this.writing = iv;
      this.timers.push(iv);
      f();
    }, this.rng.next() * ms);
    this.timers.push(start);
    if (isWriter) this.writing = start;
  }

  stopWriting(): void {
    if (this.writing) clearInterval(this.writing);
    this.writing = null;
  }

  stopLoad(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.writing = null;
  }

  /** Entries written in [from, to] that the probe never received. */
  dropsIn(from: number, to: number): { sent: number; missing: number } {
    let sent = 0;
    let missing = 0;
    this.sent.forEach((t0, seq) => {
      if (t0 < from || t0 > to) return;
      sent++;
      if (!this.received.has(seq)) missing++;
    });
    return { sent, missing };
  }

  /** Method §3: at the end, the docs in a room have the same state vector and content. */
  converged(): boolean {
    const a = Y.encodeStateVector(this.writer.doc);
    const b = Y.encodeStateVector(this.probe.doc);
    if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) return false;
    return this.writer.doc.getArray("bench").length === this.probe.doc.getArray("bench").length;
  }

  /** Close every client but keep what was sent and received (S9: the extra rooms leave). */
  destroyClientsKeepingCounts(): void {
    this.stopLoad();
    this.writer?.destroy();
    this.probe?.destroy();
    for (const t of this.thins) t.destroy();
    this.thins = [];
  }

  destroy(): void {
    this.stopLoad();
    this.writer?.destroy();
    this.probe?.destroy();
    for (const t of this.thins) t.destroy();
  }
}

/** Connect rooms a few at a time (a thundering start would measure the connect storm, S6's job). */
export async function connectRooms(rooms: MeetingRoom[], concurrency = 50): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < rooms.length) await rooms[i++]!.connect();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rooms.length) }, worker));
}
