import { z } from "zod";
import { env } from "../env";
import { AppError } from "../errors";
import { meetingDocName } from "../collab/doc-names";
import { roomClosedReason, type RoomClosedReason } from "../collab/room-closed";
import { can, assertCan, type Resource } from "../permissions";
import { ensurePrepDocument } from "../prep/ensure-prep-document";
import { issueTicket } from "../tickets/collab-ticket";
import type { Actors } from "../access/actor";
import { resolveAccess } from "../access/resolve-access";
import { isSessionLive } from "../access/find-live-sessions";

export type TicketAnswer = {
  url: string;
  room: string;
  params: { ticket: string };
  /** The socket will be read-only (the role may not write, or the meeting is over). */
  readOnly: boolean;
  /**
   * The room is closed for good — the meeting completed or cancelled, or the case closed
   * (`closedReason`): read-only for everyone (the client says so, and why).
   */
  meetingCompleted: boolean;
  closedReason: RoomClosedReason | null;
};

/** The path the collaboration server listens on; y-websocket appends `/<room>`. */
export const COLLAB_PATH = "/collab";

/** `meeting`: the shared meeting document; `prep`: the case's private preparation (employee + caseworker). */
const ZDoc = z.enum(["meeting", "prep"]).default("meeting");
export type TicketDoc = z.infer<typeof ZDoc>;

/**
 * Connection parameters for one collaboration document of the meeting, for
 * `new WebsocketProvider(url, room, ydoc, { params })`. The ticket is bound to that document and
 * this participant; anyone whose role may not read the document gets FORBIDDEN (403) and no ticket.
 */
export async function getMeetingTicket(input: {
  /** Who asks (lib/access/resolve-access.ts): a participant, or a staff member on the meeting's case. */
  who: Actors;
  meetingId: string;
  /** ws(s)://host of the request, e.g. "ws://localhost:3000". */
  wsOrigin: string;
  /** Which document: "meeting" (default) or "prep"; unvalidated input from the query string. */
  doc?: unknown;
}): Promise<TicketAnswer> {
  const { me, meeting, case: kase } = await resolveAccess(input.who, { meetingId: input.meetingId });
  // The ticket names the session that asked for it, so the socket server can refuse it (and
  // close its sockets) the moment that session ends. A session that is not this participant's
  // (a staff session whose user is not behind it) gets no ticket.
  const session = me.actor.session;
  if (!session || !(await isSessionLive({ session, participantId: me.participantId }))) {
    throw new AppError("UNAUTHENTICATED", "no live session to bind the ticket to");
  }
  const parsed = ZDoc.safeParse(input.doc ?? undefined);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "doc must be meeting or prep", { doc: "enum" });
  const resource: Resource = parsed.data === "prep" ? "prep_doc" : "meeting_doc";
  assertCan(me.role, "read", resource);
  // The preparation document is created when first needed, by the first permitted person to ask.
  const room = parsed.data === "prep" ? await ensurePrepDocument(me.caseId) : meetingDocName(input.meetingId);
  // A completed or cancelled meeting's room is read-only for everyone (the socket server checks it
  // again); the private preparation belongs to the case, not to this meeting, and closes only
  // with the case.
  const closedReason = roomClosedReason({ caseState: kase.state, meetingStatus: parsed.data === "meeting" ? meeting.status : null });
  const meetingCompleted = closedReason !== null;
  const readOnly = meetingCompleted || !can(me.role, "write", resource);
  const ticket = issueTicket({ doc: room, participantId: me.participantId, session, readOnly }, env().TICKET_TTL_SECONDS);
  return { url: `${input.wsOrigin}${COLLAB_PATH}`, room, params: { ticket }, readOnly, meetingCompleted, closedReason };
}
