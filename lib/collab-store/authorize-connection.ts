import { getDb } from "@/db/client";
import { findMeetingWithCase, findParticipant } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { parseDocName } from "../collab/doc-names";
import { can } from "../permissions";
import { verifyTicket } from "../tickets/collab-ticket";
import type { Role } from "../plan/roles";

export type CollabPrincipal = {
  participantId: string;
  caseId: string;
  role: Role;
  displayName: string;
  colorIndex: number;
  readOnly: boolean;
};

/**
 * Decide, before a single sync frame, whether this socket may open `room`: the ticket must be
 * genuine, unexpired and for this very document, and its participant still active on the case
 * the document belongs to. UNAUTHENTICATED → close 4401, FORBIDDEN/NOT_FOUND → 4403.
 */
export async function authorizeCollabConnection(input: { room: string; ticket: unknown }): Promise<CollabPrincipal> {
  const ref = parseDocName(input.room);
  if (!ref) throw new AppError("NOT_FOUND", "no such document");
  const claims = verifyTicket(input.ticket, input.room);
  const db = await getDb();
  const participant = await findParticipant(db, claims.participantId);
  if (!participant || participant.removedAt) throw new AppError("FORBIDDEN", "participant is no longer on the case");
  const found = await findMeetingWithCase(db, ref.meetingId);
  if (!found || found.meeting.caseId !== participant.caseId) throw new AppError("FORBIDDEN", "not this case's document");
  if (!can(participant.role, "read", "meeting_doc")) throw new AppError("FORBIDDEN", "may not read this document");
  return {
    participantId: participant.id,
    caseId: participant.caseId,
    role: participant.role,
    displayName: participant.displayName,
    colorIndex: participant.colorIndex,
    readOnly: claims.readOnly || !can(participant.role, "write", "meeting_doc"),
  };
}
