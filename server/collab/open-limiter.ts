import { TokenBucket } from "./token-bucket";

/**
 * Socket opens per participant, on this instance (issue 12.8: 520 opens on one ticket in 3 s).
 * Every admitted open takes a token from the participant's bucket (`burst`, refilled at
 * `perMinute`); an open without one is refused with 1013, which our client and the stock client
 * retry later. Keyed by the participant (known only after the ticket is verified, so nobody can
 * spend someone else's budget with a forged ticket). Full buckets are forgotten, so the map holds
 * only participants who opened recently. Per instance, like the awareness caps: behind several
 * instances a participant gets that many times the rate, and every admitted open is still logged.
 */
export class OpenLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private sinceSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Take one open for this participant; false when they are over their rate. */
  tryOpen(participantId: string): boolean {
    let bucket = this.buckets.get(participantId);
    if (!bucket) {
      bucket = new TokenBucket(this.perMinute / 60, this.burst, this.now);
      this.buckets.set(participantId, bucket);
    }
    const ok = bucket.tryTake();
    if (++this.sinceSweep >= 256) this.sweep();
    return ok;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Forget buckets that are full again: they would behave exactly like a new one. */
  sweep(): void {
    this.sinceSweep = 0;
    for (const [id, bucket] of this.buckets) if (bucket.available >= this.burst) this.buckets.delete(id);
  }
}
