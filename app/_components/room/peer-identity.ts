import { presenceColor, type PresenceUser } from "@/lib/collab/presence";
import type { RoomParticipant } from "./room-types";

/**
 * Who a peer is, as the page knows them: name, role and colour from the case's participant list
 * when their participant id is on it, never from what their browser wrote into awareness (issue
 * 12.10). Someone not on the list (joined after the page loaded) keeps the identity the server
 * stamped on their presence from their participant record.
 */
export function knownIdentity(user: PresenceUser, participants: readonly RoomParticipant[]): PresenceUser {
  const known = participants.find((p) => p.id === user.participantId);
  return known ? { participantId: known.id, name: known.displayName, role: known.role, color: presenceColor(known.colorIndex) } : user;
}
