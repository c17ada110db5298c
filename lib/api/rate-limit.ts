import { getDb } from "@/db/client";
import { consumeApiRateLimit } from "@/db/queries/api-rate-limits";
import type { StaffActor, SystemActor } from "../access/actor";
import { env } from "../env";
import { RateLimitedError } from "../errors";

/**
 * Each API request counts against its caller's budget (`API_RATE_LIMIT_PER_MINUTE`): per API
 * token, or per staff session (a person with two browsers has two budgets; a script cannot borrow
 * another's). Counted in PostgreSQL, so it holds across instances. Over it → 429 with Retry-After.
 */
export async function limitApiRequest(actor: StaffActor | SystemActor): Promise<void> {
  const key = actor.kind === "system" ? `token:${actor.tokenId}` : (actor.session ?? `staff:${actor.userId}`);
  const verdict = await consumeApiRateLimit(await getDb(), key, { points: env().API_RATE_LIMIT_PER_MINUTE, durationSeconds: 60 });
  if (!verdict.allowed) {
    throw new RateLimitedError("Too many requests: try again shortly.", Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)));
  }
}
