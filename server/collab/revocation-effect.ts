import type { RevocationEvent } from "@/lib/access/revocation-bus";
import type { SessionRef } from "@/lib/access/session-ref";
import { CloseCode } from "./close-codes";

/** What a socket was admitted as: enough to tell whether an access change concerns it. */
export type AdmittedAs = {
  participantId: string;
  session: SessionRef;
  /** The meeting whose shared document this is; null for the private preparation. */
  meetingId: string | null;
  /** The case the document belongs to (a closed case closes all its rooms). */
  caseId: string;
  /** The case's organisation: the periodic re-check reads in it (row-level security). */
  organisationId?: string | null;
};

export type RevocationEffect =
  | { kind: "close"; code: number; reason: string }
  /** The room became read-only (meeting completed or cancelled, case closed): read-only at once, then 4409. */
  | { kind: "meetingCompleted" }
  | null;

/**
 * What an access change means for one admitted socket: a removed participant or withdrawn link
 * closes every socket of theirs with 4403 (the client stops); an ended session closes the sockets
 * opened with that session (or, when the event names none, all of the participant's) with 4401
 * (a device whose own session is still live fetches a fresh ticket and comes straight back); a
 * completed or cancelled meeting makes the sockets of its room read-only, a closed case those of
 * every room of the case.
 */
export function revocationEffect(event: RevocationEvent, who: AdmittedAs): RevocationEffect {
  if (event.type === "meeting_completed") return event.meetingId === who.meetingId ? { kind: "meetingCompleted" } : null;
  if (event.type === "case_closed") return event.caseId === who.caseId ? { kind: "meetingCompleted" } : null;
  if (event.participantId !== who.participantId) return null;
  if (event.type === "participant_revoked") return { kind: "close", code: CloseCode.forbidden, reason: "access revoked" };
  if (event.sessionId === null || event.sessionId === who.session)
    return { kind: "close", code: CloseCode.unauthenticated, reason: "session ended" };
  return null;
}
