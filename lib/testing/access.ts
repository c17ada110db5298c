import { getDb } from "@/db/client";
import { countLiveSessions, revokeLinksAndTheirSessions } from "@/db/queries/invites";

/** Test helpers for app/ tests, which may not reach db/ themselves (app → lib → db). */

/** How many sessions of this participant are live (not revoked). */
export async function liveSessionsOf(participantId: string): Promise<number> {
  return countLiveSessions(await getDb(), participantId);
}

/** Withdraw every link of this participant (and end their sessions), as the caseworker's "withdraw" does. */
export async function withdrawLinksOf(participantId: string): Promise<void> {
  await revokeLinksAndTheirSessions(await getDb(), participantId, new Date());
}
