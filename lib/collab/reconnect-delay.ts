/**
 * How long a browser waits before its next attempt to reach the collaboration server.
 *
 * "Full jitter" (a uniformly random wait between 0 and an exponentially growing ceiling): after a
 * server restart every client is dropped in the same instant, and a deterministic backoff (the
 * stock y-websocket client's 100·2ⁿ ms) brings them all back in the same instant too, attempt
 * after attempt. A random wait spreads the returns over the whole window instead.
 */
export type ReconnectPolicy = {
  /** The ceiling of the first wait. */
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
};

export const RECONNECT_POLICY: ReconnectPolicy = { baseMs: 250, capMs: 10_000 };

/** A source of numbers in [0, 1), like Math.random; injectable so tests are deterministic. */
export type RandomSource = () => number;

/** The ceiling of the wait before attempt `attempt` (0 = the first retry after things worked). */
export function reconnectCeiling(attempt: number, policy: ReconnectPolicy = RECONNECT_POLICY): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** n overflows to Infinity for large n, which min() turns into the cap.
  return Math.min(policy.capMs, policy.baseMs * 2 ** n);
}

/** A whole number of milliseconds in [0, min(cap, base·2^attempt)]. */
export function reconnectDelay(attempt: number, random: RandomSource = Math.random, policy: ReconnectPolicy = RECONNECT_POLICY): number {
  const ceiling = reconnectCeiling(attempt, policy);
  const r = random();
  // A broken source (NaN, out of range) must not produce a negative or unbounded wait.
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * ceiling);
}
