import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../client";
import { apiRateLimits } from "../schema";

/**
 * The `api_rate_limits` table through rate-limiter-flexible's Drizzle store: one atomic upsert
 * per request, so every instance on the database counts against the same budget. One limiter per
 * database handle and budget (tests open a database per file).
 */
const limiters = new WeakMap<Db, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Db, points: number, durationSeconds: number): RateLimiterDrizzle {
  let byBudget = limiters.get(db);
  if (!byBudget) limiters.set(db, (byBudget = new Map()));
  const budget = `${points}/${durationSeconds}`;
  let limiter = byBudget.get(budget);
  if (!limiter) {
    // Expired rows are reset by the next upsert of their key; the keys are bounded by the
    // tokens and sessions there are, so no sweeping timer is needed (none to stop in tests).
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: apiRateLimits,
      points,
      duration: durationSeconds,
      clearExpiredByTimeout: false,
    });
    byBudget.set(budget, limiter);
  }
  return limiter;
}

/** Count one request of `key`: allowed, or refused with how long until the window frees a point. */
export async function consumeApiRateLimit(
  db: Db,
  key: string,
  budget: { points: number; durationSeconds: number },
): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
  try {
    await limiterFor(db, budget.points, budget.durationSeconds).consume(key);
    return { allowed: true };
  } catch (e) {
    // The limiter rejects with its result when over the limit, and with an Error when the store fails.
    if (e instanceof RateLimiterRes) return { allowed: false, retryAfterMs: e.msBeforeNext };
    throw e;
  }
}
