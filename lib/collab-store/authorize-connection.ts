import { getDb } from "@/db/client";
import { findCollabAuthorisation } from "@/db/queries/collab-authorisation";
import { findParticipant } from "@/db/queries/participants";
import { AppError } from "../errors";
import { parseDocName, type DocRef } from "../collab/doc-names";
import { roomClosedReason, type RoomClosedReason } from "../collab/room-closed";
import { can, type Resource } from "../permissions";
import { verifyTicket, type TicketClaims } from "../tickets/collab-ticket";
import type { Role } from "../plan/roles";
import { parseSessionRef, type SessionRef } from "../access/session-ref";
import { inOrganisation } from "../access/in-organisation";
import { organisationOfDocument } from "./organisation-of-document";

export type CollabPrincipal = {
  participantId: string;
  /** The session the ticket was fetched with: the socket lives only as long as it does. */
  session: SessionRef;
  caseId: string;
  /** The case's organisation: what the socket's reads and writes are scoped to (row-level security). */
  organisationId: string;
  role: Role;
  displayName: string;
  colorIndex: number;
  readOnly: boolean;
  /**
   * The room is closed for good (its meeting completed or cancelled, its case closed): read-only
   * for everyone, whatever the ticket says, and the client already knows why.
   */
  meetingCompleted: boolean;
};

/** The permission resource a document is: the shared meeting document or the private preparation. */
export function resourceOfDoc(ref: DocRef): Resource {
  return ref.kind === "prep" ? "prep_doc" : "meeting_doc";
}

/**
 * Decide, before a single sync frame, whether this socket may open `room`: the ticket must be
 * genuine, unexpired and for this very document, the session it was fetched with still live
 * (not signed out, its link not withdrawn or re-issued, not expired), and its participant still
 * active on the case the document belongs to, with a role that may read it. A closed room (a
 * completed or cancelled meeting's, any room of a closed case) is served read-only to everyone.
 * UNAUTHENTICATED → close 4401, FORBIDDEN/NOT_FOUND → 4403.
 */
export async function authorizeCollabConnection(input: { room: string; ticket: unknown }): Promise<CollabPrincipal> {
  const ref = parseDocName(input.room);
  if (!ref) throw new AppError("NOT_FOUND", "no such document");
  // A socket carries a ticket, no session cookie: the room names the organisation (asked once per
  // document and process: organisation-of-document.ts), and the check below reads in it. A room of
  // no organisation is checked outside any, where nobody is found.
  const organisationId = await organisationOfDocument(input.room);
  const principal = await inOrganisation(organisationId, () => authorizeIn(ref, input));
  if (!organisationId) throw new AppError("FORBIDDEN", "not this case's document");
  return { ...principal, organisationId };
}

/**
 * One statement (issue 19: a cold join paid five scoped round trips, and a reconnect storm of
 * thousands of sockets waited on them): the participant, whether the ticket's session is still
 * live and theirs, and the document's meeting or case, read together (db/queries/collab-authorisation.ts)
 * and judged here in the order the separate look-ups were.
 */
async function authorizeIn(ref: DocRef, input: { room: string; ticket: unknown }): Promise<Omit<CollabPrincipal, "organisationId">> {
  const resource = resourceOfDoc(ref);
  const claims = await verifyForRoom(input.ticket, input.room, resource);
  const facts = await findCollabAuthorisation(await getDb(), {
    participantId: claims.participantId,
    session: parseSessionRef(claims.session),
    doc: ref,
    now: new Date(),
  });
  if (!facts || facts.participant.removedAt) throw new AppError("FORBIDDEN", "participant is no longer on the case");
  const participant = facts.participant;
  if (!facts.sessionLive) throw new AppError("UNAUTHENTICATED", "the session this ticket was fetched with has ended");
  let closedReason: RoomClosedReason | null;
  if (ref.kind === "meeting") {
    const meeting = facts.meeting;
    if (!meeting || meeting.caseId !== participant.caseId) throw new AppError("FORBIDDEN", "not this case's document");
    closedReason = roomClosedReason({ caseState: meeting.caseState, meetingStatus: meeting.status });
  } else if (ref.caseId !== participant.caseId) {
    throw new AppError("FORBIDDEN", "not this case's document");
  } else {
    closedReason = roomClosedReason({ caseState: facts.caseState ?? "open" });
  }
  const meetingCompleted = closedReason !== null;
  if (!can(participant.role, "read", resource)) throw new AppError("FORBIDDEN", "may not read this document");
  return {
    participantId: participant.id,
    session: claims.session,
    caseId: participant.caseId,
    role: participant.role,
    displayName: participant.displayName,
    colorIndex: participant.colorIndex,
    readOnly: claims.readOnly || meetingCompleted || !can(participant.role, "write", resource),
    meetingCompleted,
  };
}

/**
 * Verify the ticket for this room. A genuine, unexpired ticket for ANOTHER document (a shared-doc
 * ticket replayed on `prep-…`) is still refused, but it does tell us who is knocking: someone whose
 * role may never read this kind of document gets FORBIDDEN (4403, the stock client stops for good)
 * rather than UNAUTHENTICATED (4401, "fetch a fresh ticket"), which would only make the room ask
 * the ticket endpoint again. Everyone else with a wrong-document ticket gets UNAUTHENTICATED.
 */
async function verifyForRoom(ticket: unknown, room: string, resource: Resource): Promise<TicketClaims> {
  try {
    return verifyTicket(ticket, room);
  } catch (e) {
    const other = ticketDocument(ticket);
    if (other === null || other === room) throw e;
    let claims: TicketClaims;
    try {
      claims = verifyTicket(ticket, other);
    } catch {
      throw e;
    }
    const participant = await findParticipant(await getDb(), claims.participantId);
    if (participant && !can(participant.role, "read", resource)) throw new AppError("FORBIDDEN", "may not read this document");
    throw e;
  }
}

/** The document a ticket names, read without trusting it (verifyTicket checks the signature). */
function ticketDocument(ticket: unknown): string | null {
  if (typeof ticket !== "string" || ticket.length > 1024) return null;
  try {
    const body: unknown = JSON.parse(Buffer.from(ticket.split(".")[0] ?? "", "base64url").toString("utf8"));
    const d = body && typeof body === "object" ? (body as { d?: unknown }).d : undefined;
    return typeof d === "string" ? d : null;
  } catch {
    return null;
  }
}
