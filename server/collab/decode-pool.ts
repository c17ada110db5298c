import { Worker } from "node:worker_threads";
import type { decodeUpdate } from "yjs";
import type { CollabLog } from "./options";

export type Validation =
  /** `decoded`: the update as decoded on the event loop (small ones), for the shape check to reuse. */
  | { ok: true; ends: number[]; decoded?: ReturnType<typeof decodeUpdate> }
  /** `timedOut`: the decoder overran its budget (its worker was terminated); `busy`: too many waiting. */
  | { ok: false; error: string; timedOut?: boolean; busy?: boolean };

type Job = { id: number; update: Uint8Array; resolve: (v: Validation) => void };
type Slot = { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null };

/** Jobs waiting for a worker; each connection has at most one in flight, so this is a flood guard. */
const MAX_QUEUED = 256;

/**
 * A small pool of worker threads that decode untrusted updates with a time budget. JavaScript
 * cannot interrupt a loop on its own thread, but it can terminate another thread: a worker that
 * overruns the budget is terminated (and replaced on demand), and its job answers `timedOut`, so
 * the connection that sent it is closed while every other room carries on. Workers are spawned
 * lazily, unref'd (they never keep the process alive) and terminated by close().
 */
export class DecodePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: { size: number; budgetMs: number; workerUrl?: URL | null; log: CollabLog }) {}

  validate(update: Uint8Array): Promise<Validation> {
    if (this.closed) return Promise.resolve({ ok: false, error: "shutting down", busy: true });
    if (this.queue.length >= MAX_QUEUED) return Promise.resolve({ ok: false, error: "decoder busy", busy: true });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, update, resolve });
      this.dispatch();
    });
  }

  /** Workers alive right now (tests check that an overrun one was replaced). */
  get workers(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.resolve({ ok: false, error: "shutting down", busy: true });
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, { ok: false, error: "shutting down", busy: true })));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) {
        if (this.slots.length < this.opts.size) this.spawn();
        return;
      }
      const job = this.queue.shift()!;
      idle.job = job;
      // The budget starts when a ready worker has the job, not while it waits in the queue.
      idle.timer = setTimeout(() => {
        this.opts.log("decode budget exceeded; worker terminated", { budgetMs: this.opts.budgetMs, bytes: job.update.byteLength });
        void this.retire(idle, { ok: false, error: `decoding took longer than ${this.opts.budgetMs} ms`, timedOut: true });
        this.dispatch();
      }, this.opts.budgetMs);
      idle.worker.postMessage({ id: job.id, update: job.update });
    }
  }

  private spawn(): void {
    // The heap cap makes a crafted update that balloons memory kill the worker, not the process.
    const worker = new Worker(this.opts.workerUrl ?? new URL("./decode-worker.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.push(slot);
    worker.on("message", (m: { ready?: true; id?: number; ok?: boolean; ends?: number[]; error?: string }) => {
      if (m.ready) {
        slot.ready = true;
      } else if (slot.job && m.id === slot.job.id) {
        const job = slot.job;
        if (slot.timer) clearTimeout(slot.timer);
        slot.job = null;
        slot.timer = null;
        job.resolve(m.ok ? { ok: true, ends: m.ends ?? [] } : { ok: false, error: m.error ?? "invalid update" });
      }
      this.dispatch();
    });
    // A worker that dies on its own (out of memory on a crafted update) fails its job only.
    const died = (why: string) => {
      if (!this.slots.includes(slot)) return;
      this.opts.log("decode worker died", { why });
      void this.retire(slot, { ok: false, error: `decoder died: ${why}` });
      this.dispatch();
    };
    worker.on("error", (e) => died(String(e)));
    worker.on("exit", (code) => died(`exit ${code}`));
  }

  private async retire(slot: Slot, answer: Validation): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    job?.resolve(answer);
    await slot.worker.terminate().catch(() => {});
  }
}
