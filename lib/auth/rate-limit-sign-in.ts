import { createHmac } from "node:crypto";
import { getDb } from "@/db/client";
import { deleteRateLimitsBefore, hitRateLimit } from "@/db/queries/rate-limits";
import { AppError } from "../errors";
import { env } from "../env";
import { serverSecret } from "../secret";

const HOUR = 3_600_000;

/** Keys hold a keyed hash, never the address itself: unknown people's addresses are not stored. */
function keyOf(kind: "email" | "ip", value: string): string {
  const digest = createHmac("sha256", serverSecret()).update(`rate-limit.${kind}.${value}`).digest("base64url").slice(0, 32);
  return `signin:${kind}:${digest}`;
}

/**
 * Count one sign-in link request against the address and the IP, per clock hour, in the database
 * (so the limit holds across instances). Over either limit → RATE_LIMITED (429). Both are counted
 * before anything else happens, so known and unknown addresses are limited alike.
 */
export async function rateLimitSignIn(input: { email: string; ip: string | null; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const db = await getDb();
  const e = env();
  const ipCount = await hitRateLimit(db, keyOf("ip", input.ip ?? "unknown"), windowStart);
  const emailCount = await hitRateLimit(db, keyOf("email", input.email), windowStart);
  // Old windows are of no use; clearing them here keeps the table small without a job.
  await deleteRateLimitsBefore(db, new Date(windowStart.getTime() - HOUR));
  if (ipCount > e.SIGNIN_LIMIT_PER_IP || emailCount > e.SIGNIN_LIMIT_PER_EMAIL) {
    throw new AppError("RATE_LIMITED", "too many sign-in requests; try again within the hour");
  }
}
