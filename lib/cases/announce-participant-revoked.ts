import { publishParticipantRevoked } from "../access/revocation-bus";

/**
 * Tell the collaboration server that a participant's access ended (link withdrawn, removed from
 * the case, staff signed out), so it closes their open sockets within seconds. Called after the
 * database change is committed; every new connection re-checks access anyway.
 */
export async function announceParticipantRevoked(participantId: string): Promise<void> {
  await publishParticipantRevoked(participantId);
}
