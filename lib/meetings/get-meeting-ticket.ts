import { env } from "../env";
import { meetingDocName } from "../collab/doc-names";
import { can, assertCan } from "../permissions";
import { issueTicket } from "../tickets/collab-ticket";
import { requireMeetingParticipant } from "./require-meeting-participant";

export type TicketAnswer = { url: string; room: string; params: { ticket: string } };

/** The path the collaboration server listens on; y-websocket appends `/<room>`. */
export const COLLAB_PATH = "/collab";

/**
 * Connection parameters for the shared meeting document, for
 * `new WebsocketProvider(url, room, ydoc, { params })`.
 */
export async function getMeetingTicket(input: {
  sessionToken: string | undefined | null;
  meetingId: string;
  /** ws(s)://host of the request, e.g. "ws://localhost:3000". */
  wsOrigin: string;
}): Promise<TicketAnswer> {
  const { me } = await requireMeetingParticipant(input.sessionToken, input.meetingId);
  assertCan(me.role, "read", "meeting_doc");
  const room = meetingDocName(input.meetingId);
  const ticket = issueTicket(
    { doc: room, participantId: me.participantId, readOnly: !can(me.role, "write", "meeting_doc") },
    env().TICKET_TTL_SECONDS,
  );
  return { url: `${input.wsOrigin}${COLLAB_PATH}`, room, params: { ticket } };
}
