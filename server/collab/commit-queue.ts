import type { CollabLog } from "./options";

/** Whoever queued updates: told, in order, how many of its updates committed, or that they failed. */
export type CommitTarget = {
  readonly name: string;
  /** False once the room failed or was evicted: its still-queued updates are dropped. */
  readonly alive: boolean;
  onCommitted(count: number): void;
  onCommitFailed(error: unknown): void;
};

export type CommitStats = {
  /** Updates queued or being written. */
  depth: number;
  committedUpdates: number;
  /** Batches written (one INSERT each, plus per-room retries after a failed one). */
  batches: number;
  writeSeconds: number;
  lastWriteSeconds: number;
};

type Queued = { target: CommitTarget; data: Uint8Array };

/**
 * Rows per INSERT. They travel as one JSON parameter (appendUpdates in db/queries/collab.ts), so
 * PostgreSQL's limit of 65,535 bind parameters does not apply; the cap bounds the size of one
 * statement and how long the updates queued behind it wait.
 */
const MAX_BATCH_ROWS = 5_000;

/**
 * Group commit for every room of the server: updates applied during one event-loop turn are
 * written with ONE multi-row INSERT, flushed on setImmediate. Only one INSERT is in flight; what
 * arrives meanwhile forms the next batch, so per room the commit order is the apply order and a
 * commit never overtakes an earlier one. A room whose rows fail is failed (see
 * Room.onCommitFailed): its in-memory document now holds updates the database does not.
 */
export class CommitQueue {
  private queued: Queued[] = [];
  private inFlight = 0;
  private flushing = false;
  private scheduled: NodeJS.Immediate | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly counters = { committedUpdates: 0, batches: 0, writeSeconds: 0, lastWriteSeconds: 0 };

  constructor(
    private readonly append: (rows: { docName: string; data: Uint8Array }[]) => Promise<void>,
    private readonly log: CollabLog,
  ) {}

  /** Updates queued or being written. */
  get pending(): number {
    return this.queued.length + this.inFlight;
  }

  /** For /metrics: queue depth, updates committed and time spent writing since start (monotonic counters). */
  stats(): CommitStats {
    return { depth: this.pending, ...this.counters };
  }

  enqueue(target: CommitTarget, data: Uint8Array): void {
    this.queued.push({ target, data });
    this.schedule();
  }

  /** Resolves once nothing is queued or in flight (used by unload and shutdown). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.queued.length === 0 && !this.flushing && this.scheduled === null;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      this.flush().catch((e) => this.log("commit flush threw", { error: String(e) }));
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued.splice(0, MAX_BATCH_ROWS).filter((q) => q.target.alive);
    if (batch.length > 0) {
      this.flushing = true;
      this.inFlight = batch.length;
      const started = performance.now();
      const outcome = await this.write(batch);
      this.count(outcome, (performance.now() - started) / 1000);
      this.flushing = false;
      this.inFlight = 0;
      this.notify(outcome);
    }
    if (this.queued.length > 0) this.schedule();
    else if (this.isIdle()) this.settleIdle();
  }

  /**
   * One INSERT for the batch. If it fails and the batch spans several rooms, each room's rows
   * are tried once more on their own: a room whose rows the database refuses (say its meeting
   * was just deleted, so the foreign key fails) must not take every other room down with it.
   * A failed statement committed nothing, and were the failure ambiguous (connection lost after
   * COMMIT), a duplicated row would merge idempotently.
   */
  private async write(batch: Queued[]): Promise<Map<CommitTarget, { count: number; error: unknown }>> {
    const groups = new Map<CommitTarget, Uint8Array[]>();
    for (const q of batch) {
      const rows = groups.get(q.target) ?? [];
      rows.push(q.data);
      groups.set(q.target, rows);
    }
    const outcome = new Map<CommitTarget, { count: number; error: unknown }>();
    try {
      await this.append(batch.map((q) => ({ docName: q.target.name, data: q.data })));
      for (const [t, rows] of groups) outcome.set(t, { count: rows.length, error: null });
      return outcome;
    } catch (e) {
      if (groups.size === 1) {
        for (const [t, rows] of groups) outcome.set(t, { count: rows.length, error: e ?? new Error("commit failed") });
        return outcome;
      }
    }
    await Promise.all(
      [...groups].map(async ([t, rows]) => {
        let error: unknown = null;
        try {
          await this.append(rows.map((data) => ({ docName: t.name, data })));
        } catch (e) {
          error = e ?? new Error("commit failed");
        }
        outcome.set(t, { count: rows.length, error });
      }),
    );
    // Keep the batch's room order for the callbacks.
    return new Map([...groups.keys()].map((t) => [t, outcome.get(t)!]));
  }

  private count(outcome: Map<CommitTarget, { count: number; error: unknown }>, seconds: number): void {
    for (const { count, error } of outcome.values()) if (!error) this.counters.committedUpdates += count;
    this.counters.batches += 1;
    this.counters.writeSeconds += seconds;
    this.counters.lastWriteSeconds = seconds;
  }

  private notify(outcome: Map<CommitTarget, { count: number; error: unknown }>): void {
    for (const [target, { count, error }] of outcome) {
      try {
        if (error) {
          this.log("commit failed", { room: target.name, error: String(error) });
          target.onCommitFailed(error);
        } else {
          target.onCommitted(count);
        }
      } catch (e) {
        this.log("commit callback threw", { room: target.name, error: String(e) });
      }
    }
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
