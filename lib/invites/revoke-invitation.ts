import { getDb } from "@/db/client";
import { revokeLinksAndTheirSessions } from "@/db/queries/join-links";
import { requireCaseStaff } from "../cases/require-case-staff";
import { announceParticipantRevoked } from "../cases/announce-participant-revoked";
import { findCaseParticipant } from "../cases/find-case-participant";
import type { Actors } from "../access/actor";

/**
 * Withdraw a participant's link at once: opening it answers 410 GONE from now on, the sessions
 * opened with it end (their next request is anonymous), and their open sockets are told to close.
 */
export async function revokeInvitation(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  now?: Date;
}): Promise<{ participantId: string; revoked: number }> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "invitations" });
  const participant = await findCaseParticipant(access.case.id, input.raw);
  const revoked = await revokeLinksAndTheirSessions(await getDb(), participant.id, input.now ?? new Date());
  await announceParticipantRevoked(participant.id);
  return { participantId: participant.id, revoked };
}
