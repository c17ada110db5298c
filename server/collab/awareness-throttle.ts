import type { TokenBucket } from "./token-bucket";
import type { AwarenessEntry } from "./awareness-guard";

/**
 * The awareness rate limit of one connection. Over the limit, awareness is throttled by
 * coalescing, not dropped: presence is last-writer-wins per clientID, so only the newest entry
 * of each clientID is kept and applied when the bucket has a token again (a caret dragged at
 * 60 Hz arrives at the limit's rate, and its final position always arrives). A presence query
 * also costs a token (each answer carries every state of the room). A connection that stays
 * over the limit — its bucket never gets back to half full — for `closeAfterMs` is flooding:
 * `flooding()` closes it (1008).
 */
export class AwarenessThrottle {
  private pending: Map<number, AwarenessEntry> | null = null;
  private queryPending = false;
  private timer: NodeJS.Timeout | null = null;
  private overSince: number | null = null;

  constructor(
    private readonly bucket: TokenBucket,
    private readonly burst: number,
    private readonly closeAfterMs: number,
    private readonly out: { apply(entries: AwarenessEntry[]): void; answerQuery(): void; flooding(): void },
  ) {}

  offer(entries: AwarenessEntry[]): void {
    if (!this.pending && !this.queryPending && this.take()) return this.out.apply(entries);
    this.pending ??= new Map();
    for (const e of entries) {
      const had = this.pending.get(e.clientId);
      if (!had || e.clock >= had.clock) this.pending.set(e.clientId, e);
    }
    this.defer();
  }

  query(): void {
    if (!this.pending && !this.queryPending && this.take()) return this.out.answerQuery();
    this.queryPending = true;
    this.defer();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.queryPending = false;
  }

  private take(): boolean {
    if (!this.bucket.tryTake()) return false;
    if (this.bucket.available >= this.burst / 2) this.overSince = null;
    return true;
  }

  private defer(): void {
    const now = performance.now();
    this.overSince ??= now;
    if (now - this.overSince > this.closeAfterMs) {
      this.stop();
      return this.out.flooding();
    }
    this.timer ??= setTimeout(() => this.flush(), this.bucket.msUntilToken());
  }

  private flush(): void {
    this.timer = null;
    if (!this.pending && !this.queryPending) return;
    if (!this.bucket.tryTake()) {
      this.timer = setTimeout(() => this.flush(), this.bucket.msUntilToken());
      return;
    }
    const entries = this.pending ? [...this.pending.values()] : null;
    const query = this.queryPending;
    this.pending = null;
    this.queryPending = false;
    if (entries) this.out.apply(entries);
    if (query) this.out.answerQuery();
  }
}
