import { getDb } from "@/db/client";
import { listCaseStates } from "@/db/queries/cases";
import { listMeetingStatuses } from "@/db/queries/meetings";
import { listParticipantsByIds } from "@/db/queries/participants";
import { findLiveSessions, sessionClaimKey, type SessionClaim } from "../access/find-live-sessions";
import { roomClosedReason } from "../collab/room-closed";
import { inOrganisation } from "../access/in-organisation";

/**
 * An open socket: whose, opened with which session, on which meeting's room (null: the
 * preparation), of which organisation (its principal's; absent: none, read outside any scope).
 */
export type AccessCheck = SessionClaim & { meetingId: string | null; organisationId?: string | null };

/** What became of an open socket's access since it was admitted. */
export type AccessVerdict = "ok" | "session_ended" | "removed" | "meeting_completed";

/**
 * The socket server's backstop behind the revocation bus (which delivers at most once, and says
 * nothing when a session simply expires): for each open socket, is its participant still on the
 * case, the session its ticket was fetched with still live, and its room not closed for good (its
 * meeting completed or cancelled, its case closed: lib/collab/room-closed.ts)? One call for all of
 * an instance's sockets, a fixed number of queries. Answers in the order asked; "removed" before
 * "session_ended" before "meeting_completed" (which stands for any of the room's closing reasons).
 */
export async function recheckCollabAccess(items: readonly AccessCheck[], now = new Date()): Promise<AccessVerdict[]> {
  // An instance's sockets may be of several organisations: each organisation's are read in its
  // own scope (a fixed number of queries per organisation), and the answers put back in order.
  const byOrganisation = new Map<string | null, AccessCheck[]>();
  for (const i of items) {
    const key = i.organisationId ?? null;
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), i]);
  }
  const verdicts = new Map<AccessCheck, AccessVerdict>();
  for (const [org, group] of byOrganisation) {
    const answers = await inOrganisation(org, () => recheckIn(group, now));
    group.forEach((item, k) => verdicts.set(item, answers[k]!));
  }
  return items.map((i) => verdicts.get(i)!);
}

async function recheckIn(items: readonly AccessCheck[], now: Date): Promise<AccessVerdict[]> {
  if (items.length === 0) return [];
  const db = await getDb();
  const meetingIds = [...new Set(items.map((i) => i.meetingId).filter((m): m is string => m !== null))];
  const [live, people, meetings] = await Promise.all([
    findLiveSessions(items, now),
    listParticipantsByIds(db, [...new Set(items.map((i) => i.participantId))]),
    listMeetingStatuses(db, meetingIds),
  ]);
  const removed = new Set(people.filter((p) => p.removedAt).map((p) => p.id));
  const caseOf = new Map(people.map((p) => [p.id, p.caseId]));
  const caseStates = new Map((await listCaseStates(db, [...new Set(caseOf.values())])).map((c) => [c.id, c.state]));
  const meetingStatus = new Map(meetings.map((m) => [m.id, m.status]));
  return items.map((i) => {
    const caseId = caseOf.get(i.participantId);
    if (removed.has(i.participantId) || caseId === undefined) return "removed";
    if (!live.has(sessionClaimKey(i))) return "session_ended";
    const closed = roomClosedReason({
      caseState: caseStates.get(caseId) ?? "open",
      meetingStatus: i.meetingId === null ? null : meetingStatus.get(i.meetingId),
    });
    return closed ? "meeting_completed" : "ok";
  });
}
