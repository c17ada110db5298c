import { getDb } from "@/db/client";
import { listParticipantsByIds } from "@/db/queries/meetings";
import { findLiveSessions, sessionClaimKey, type SessionClaim } from "../access/find-live-sessions";

/** What became of an open socket's access since it was admitted. */
export type AccessVerdict = "ok" | "session_ended" | "removed";

/**
 * The socket server's backstop behind the revocation bus (which delivers at most once, and says
 * nothing when a session simply expires): for each open socket, is its participant still on the
 * case and the session its ticket was fetched with still live? One call for all of an instance's
 * sockets, a fixed number of queries. Answers in the order asked.
 */
export async function recheckCollabAccess(items: readonly SessionClaim[], now = new Date()): Promise<AccessVerdict[]> {
  if (items.length === 0) return [];
  const [live, people] = await Promise.all([
    findLiveSessions(items, now),
    listParticipantsByIds(await getDb(), [...new Set(items.map((i) => i.participantId))]),
  ]);
  const removed = new Set(people.filter((p) => p.removedAt).map((p) => p.id));
  const known = new Set(people.map((p) => p.id));
  return items.map((i) => {
    if (removed.has(i.participantId) || !known.has(i.participantId)) return "removed";
    return live.has(sessionClaimKey(i)) ? "ok" : "session_ended";
  });
}
