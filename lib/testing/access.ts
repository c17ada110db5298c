import { getDb } from "@/db/client";
import { listAccessLogForCase } from "@/db/queries/access-log";
import { revokeLinksAndTheirSessions } from "@/db/queries/join-links";
import { countLiveSessions } from "@/db/queries/sessions";

/** Test helpers for app/ tests, which may not reach db/ themselves (app → lib → db). */

/** How many sessions of this participant are live (not revoked). */
export async function liveSessionsOf(participantId: string): Promise<number> {
  return countLiveSessions(await getDb(), participantId);
}

/** Withdraw every link of this participant (and end their sessions), as the caseworker's "withdraw" does. */
export async function withdrawLinksOf(participantId: string): Promise<void> {
  await revokeLinksAndTheirSessions(await getDb(), participantId, new Date());
}

export type LoggedAccess = {
  what: string;
  actorKind: string;
  actorId: string;
  actorRole: string;
  resourceId: string | null;
  purpose: string;
  at: Date;
};

/** Every access-log row of a case, newest first. */
export async function accessLogOf(caseId: string): Promise<LoggedAccess[]> {
  const rows = await listAccessLogForCase(await getDb(), { caseId, limit: 10_000 });
  return rows.map((r) => ({
    what: r.what,
    actorKind: r.actorKind,
    actorId: r.actorId,
    actorRole: r.actorRole,
    resourceId: r.resourceId,
    purpose: r.purpose,
    at: r.at,
  }));
}
