import type { CollabLog } from "./options";
import { isTransientDbError } from "./transient-error";

/** Whoever queued updates: told, in order, how many of its updates committed, or that they failed. */
export type CommitTarget = {
  readonly name: string;
  /** The document's organisation: its rows are written in that organisation's scope (row-level security). */
  readonly organisationId?: string | null;
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

/**
 * How much may wait for its commit (queued or in flight). Past a bound the writers are paused
 * before they apply anything more (connection.ts); past a quarter of it, or when the oldest waits
 * longer than `joinRefuseAgeMs`, or while the database fails, new joins are refused (4503).
 */
export type CommitQueueLimits = {
  maxUpdates: number;
  maxBytes: number;
  maxRoomUpdates: number;
  maxRoomBytes: number;
  joinRefuseAgeMs: number;
};

export const UNBOUNDED: CommitQueueLimits = {
  maxUpdates: Number.POSITIVE_INFINITY,
  maxBytes: Number.POSITIVE_INFINITY,
  maxRoomUpdates: Number.POSITIVE_INFINITY,
  maxRoomBytes: Number.POSITIVE_INFINITY,
  joinRefuseAgeMs: Number.POSITIVE_INFINITY,
};

type Queued = { target: CommitTarget; data: Uint8Array; at: number };
type Load = { updates: number; bytes: number };

/**
 * Rows per INSERT. They travel as one JSON parameter (appendUpdates in db/queries/collab.ts), so
 * PostgreSQL's limit of 65,535 bind parameters does not apply; the cap bounds the size of one
 * statement and how long the updates queued behind it wait.
 */
const MAX_BATCH_ROWS = 5_000;
/** Retry of a batch the database could not take (connection lost, shutting down): 50 ms … 2 s. */
const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 2_000;
/** Joins are refused once the queue holds this share of a bound: existing rooms keep the rest. */
const JOIN_SHARE = 0.25;

/**
 * Group commit for every room of the server: updates applied during one event-loop turn are
 * written with ONE multi-row INSERT, flushed on setImmediate. Only one INSERT is in flight; what
 * arrives meanwhile forms the next batch, so per room the commit order is the apply order and a
 * commit never overtakes an earlier one. A room whose rows the database refuses is failed (see
 * Room.onCommitFailed): its in-memory document now holds updates the database does not.
 *
 * A batch that fails because the database is away (transient-error.ts) is not a refusal: it goes
 * back to the front and is retried with backoff until it commits, so a PostgreSQL restart fails
 * no room; meanwhile `healthy` is false, nothing is acknowledged, and the bounds stop the writers.
 */
export class CommitQueue {
  private queued: Queued[] = [];
  private inFlight: Queued[] = [];
  private flushing = false;
  private scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly spaceWaiters = new Set<() => void>();
  private readonly perRoom = new Map<CommitTarget, Load>();
  private total: Load = { updates: 0, bytes: 0 };
  private failures = 0;
  private lastError: string | null = null;
  /** The largest the queue has been (updates, bytes): tests and the bench prove the bound with it. */
  readonly peak: Load = { updates: 0, bytes: 0 };
  private readonly counters = { committedUpdates: 0, batches: 0, writeSeconds: 0, lastWriteSeconds: 0 };

  constructor(
    private readonly append: (rows: { docName: string; data: Uint8Array; organisationId?: string | null }[]) => Promise<void>,
    private readonly log: CollabLog,
    private readonly limits: CommitQueueLimits = UNBOUNDED,
  ) {}

  /** Updates queued or being written. */
  get pending(): number {
    return this.total.updates;
  }

  get pendingBytes(): number {
    return this.total.bytes;
  }

  /** False while the database is failing transiently (the current batch is being retried). */
  get healthy(): boolean {
    return this.failures === 0;
  }

  /** Why the last write failed, while unhealthy (readiness). */
  get failure(): string | null {
    return this.failures === 0 ? null : this.lastError;
  }

  /** How long the oldest update still waiting for its commit has waited (ms). */
  ageMs(now = performance.now()): number {
    const first = this.inFlight[0] ?? this.queued[0];
    return first ? now - first.at : 0;
  }

  /**
   * May `target` apply (and so queue) one more update now? The bound is checked before the
   * apply, and an apply queues one update, so the queue never exceeds a bound by more than one.
   */
  admits(target: CommitTarget): boolean {
    const l = this.limits;
    if (this.total.updates >= l.maxUpdates || this.total.bytes >= l.maxBytes) return false;
    const r = this.perRoom.get(target);
    return !r || (r.updates < l.maxRoomUpdates && r.bytes < l.maxRoomBytes);
  }

  /** May a new socket join now? Not while the database fails, nor once a quarter of a bound is used or the queue lags. */
  admitsJoin(): boolean {
    const l = this.limits;
    if (!this.healthy) return false;
    if (this.total.updates >= l.maxUpdates * JOIN_SHARE || this.total.bytes >= l.maxBytes * JOIN_SHARE) return false;
    return this.total.updates === 0 || this.ageMs() < l.joinRefuseAgeMs;
  }

  /** Called (once) when updates have committed, so a writer held back by `admits` may look again. */
  whenSpace(callback: () => void): () => void {
    this.spaceWaiters.add(callback);
    return () => this.spaceWaiters.delete(callback);
  }

  /** For /metrics: queue depth, updates committed and time spent writing since start (monotonic counters). */
  stats(): CommitStats {
    return { depth: this.pending, ...this.counters };
  }

  enqueue(target: CommitTarget, data: Uint8Array): void {
    this.queued.push({ target, data, at: performance.now() });
    this.count(target, 1, data.byteLength);
    this.schedule(0);
  }

  /** Resolves once nothing is queued or in flight (used by unload and shutdown). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private count(target: CommitTarget, updates: number, bytes: number): void {
    this.total.updates += updates;
    this.total.bytes += bytes;
    if (this.total.updates > this.peak.updates) this.peak.updates = this.total.updates;
    if (this.total.bytes > this.peak.bytes) this.peak.bytes = this.total.bytes;
    const r = this.perRoom.get(target) ?? { updates: 0, bytes: 0 };
    r.updates += updates;
    r.bytes += bytes;
    if (r.updates <= 0) this.perRoom.delete(target);
    else this.perRoom.set(target, r);
  }

  private isIdle(): boolean {
    return this.queued.length === 0 && !this.flushing && this.scheduled === null;
  }

  private schedule(delayMs: number): void {
    if (this.scheduled || this.flushing) return;
    const run = () => {
      this.scheduled = null;
      this.flush().catch((e) => this.log("commit flush threw", { error: String(e) }));
    };
    this.scheduled = delayMs > 0 ? setTimeout(run, delayMs) : setImmediate(run);
  }

  private async flush(): Promise<void> {
    const taken = this.queued.splice(0, MAX_BATCH_ROWS);
    const batch: Queued[] = [];
    for (const q of taken) {
      if (q.target.alive) batch.push(q);
      else this.count(q.target, -1, -q.data.byteLength);
    }
    let retryIn = 0;
    if (batch.length > 0) {
      this.flushing = true;
      this.inFlight = batch;
      const started = performance.now();
      const outcome = await this.write(batch);
      const seconds = (performance.now() - started) / 1000;
      this.flushing = false;
      this.inFlight = [];
      if (outcome === "transient") {
        // Back to the front, in order: nothing of it committed, nobody was told anything.
        this.queued.unshift(...batch);
        this.failures++;
        retryIn = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(this.failures - 1, 10));
      } else {
        if (this.failures > 0) this.log("database is back: commits resumed", { afterFailures: this.failures });
        this.failures = 0;
        for (const q of batch) this.count(q.target, -1, -q.data.byteLength);
        this.tally(outcome, seconds);
        this.notify(outcome);
        this.wakeWriters();
      }
    }
    if (this.queued.length > 0) this.schedule(retryIn);
    else if (this.isIdle()) this.settleIdle();
  }

  /**
   * One INSERT for the batch. If the database is away, "transient": the caller retries it. If it
   * refuses the batch and the batch spans several rooms, each room's rows are tried once more on
   * their own: a room whose rows the database refuses (say its meeting was just deleted, so the
   * foreign key fails) must not take every other room down with it. A failed statement committed
   * nothing, and were the failure ambiguous (connection lost after COMMIT), a duplicated row would
   * merge idempotently.
   */
  private async write(batch: Queued[]): Promise<Map<CommitTarget, { count: number; error: unknown }> | "transient"> {
    const groups = new Map<CommitTarget, Uint8Array[]>();
    for (const q of batch) {
      const rows = groups.get(q.target) ?? [];
      rows.push(q.data);
      groups.set(q.target, rows);
    }
    const outcome = new Map<CommitTarget, { count: number; error: unknown }>();
    try {
      await this.append(batch.map((q) => ({ docName: q.target.name, data: q.data, organisationId: q.target.organisationId })));
      for (const [t, rows] of groups) outcome.set(t, { count: rows.length, error: null });
      return outcome;
    } catch (e) {
      if (isTransientDbError(e)) return this.transient(e);
      if (groups.size === 1) {
        for (const [t, rows] of groups) outcome.set(t, { count: rows.length, error: e ?? new Error("commit failed") });
        return outcome;
      }
    }
    let transient: unknown = null;
    await Promise.all(
      [...groups].map(async ([t, rows]) => {
        let error: unknown = null;
        try {
          await this.append(rows.map((data) => ({ docName: t.name, data, organisationId: t.organisationId })));
        } catch (e) {
          error = e ?? new Error("commit failed");
          if (isTransientDbError(e)) transient = e;
        }
        outcome.set(t, { count: rows.length, error });
      }),
    );
    // The database went away half-way: retry all of it (rows that did commit merge idempotently).
    if (transient) return this.transient(transient);
    // Keep the batch's room order for the callbacks.
    return new Map([...groups.keys()].map((t) => [t, outcome.get(t)!]));
  }

  private transient(e: unknown): "transient" {
    this.lastError = String(e);
    if (this.failures === 0) this.log("database unavailable: commits held and retried", { error: this.lastError });
    return "transient";
  }

  private tally(outcome: Map<CommitTarget, { count: number; error: unknown }>, seconds: number): void {
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

  /** Each waiting writer looks again (in the order they started waiting); it re-registers if still full. */
  private wakeWriters(): void {
    if (this.spaceWaiters.size === 0) return;
    const waiters = [...this.spaceWaiters];
    this.spaceWaiters.clear();
    for (const w of waiters) {
      try {
        w();
      } catch (e) {
        this.log("space waiter threw", { error: String(e) });
      }
    }
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
