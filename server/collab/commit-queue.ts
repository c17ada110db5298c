import type { CollabLog } from "./options";

/** Whoever queued updates: told, in order, how many of its updates committed, or that they failed. */
export type CommitTarget = {
  readonly name: string;
  /** False once the room failed or was evicted: its still-queued updates are dropped. */
  readonly alive: boolean;
  onCommitted(count: number): void;
  onCommitFailed(error: unknown): void;
};

type Queued = { target: CommitTarget; data: Uint8Array };

/**
 * Group commit for every room of the server: updates applied during one event-loop turn are
 * written with ONE multi-row INSERT, flushed on setImmediate. Only one INSERT is in flight; what
 * arrives meanwhile forms the next batch, so per room the commit order is the apply order and a
 * commit never overtakes an earlier one. Nothing is retried here: a failed batch fails its rooms
 * (see Room.onCommitFailed), because their in-memory documents now hold updates the database
 * does not.
 */
export class CommitQueue {
  private queued: Queued[] = [];
  private inFlight = 0;
  private flushing = false;
  private scheduled: NodeJS.Immediate | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly append: (rows: { docName: string; data: Uint8Array }[]) => Promise<void>,
    private readonly log: CollabLog,
  ) {}

  /** Updates queued or being written. */
  get pending(): number {
    return this.queued.length + this.inFlight;
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
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued.filter((q) => q.target.alive);
    this.queued = [];
    if (batch.length > 0) {
      this.flushing = true;
      this.inFlight = batch.length;
      let error: unknown = null;
      try {
        await this.append(batch.map((q) => ({ docName: q.target.name, data: q.data })));
      } catch (e) {
        error = e ?? new Error("commit failed");
      }
      this.flushing = false;
      this.inFlight = 0;
      this.notify(batch, error);
    }
    if (this.queued.length > 0) this.schedule();
    else if (this.isIdle()) this.settleIdle();
  }

  private notify(batch: Queued[], error: unknown): void {
    const counts = new Map<CommitTarget, number>();
    for (const q of batch) counts.set(q.target, (counts.get(q.target) ?? 0) + 1);
    if (error) this.log("commit failed", { rooms: [...counts.keys()].map((t) => t.name), error: String(error) });
    for (const [target, n] of counts) {
      try {
        if (error) target.onCommitFailed(error);
        else target.onCommitted(n);
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
