/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. One per connection and message kind,
 * so a client that types in bursts is never slowed while one that floods is. The clock is
 * injectable for unit tests.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Take `cost` tokens if there are that many. */
  tryTake(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Tokens there now. */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  /** Milliseconds until `cost` tokens are there (0 when they are). */
  msUntilToken(cost = 1): number {
    this.refill();
    return this.tokens >= cost ? 0 : Math.ceil(((cost - this.tokens) / this.perSecond) * 1000);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}
