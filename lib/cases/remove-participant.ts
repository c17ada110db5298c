import { getDb } from "@/db/client";
import { revokeLinksAndTheirSessions } from "@/db/queries/join-links";
import { setParticipantRemoved } from "@/db/queries/participants";
import { revokeSessionsOfParticipant } from "@/db/queries/sessions";
import { AppError } from "../errors";
import { announceParticipantRevoked } from "./announce-participant-revoked";
import { findCaseParticipant } from "./find-case-participant";
import { requireCaseStaff } from "./require-case-staff";
import type { Actors } from "../access/actor";

/**
 * Take a person off the case: their links are withdrawn, every session of theirs ends, and their
 * open sockets are told to close. What they wrote in the shared document stays. A caseworker
 * cannot remove themselves (they would lock themselves out of the case).
 */
export async function removeParticipant(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  now?: Date;
}): Promise<{ participantId: string }> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "case" });
  const participant = await findCaseParticipant(access.case.id, input.raw);
  if (participant.id === access.me.participantId) throw new AppError("CONFLICT", "you cannot remove yourself", { form: "removeSelf" });
  const now = input.now ?? new Date();
  const db = await getDb();
  await revokeLinksAndTheirSessions(db, participant.id, now);
  await revokeSessionsOfParticipant(db, participant.id, now);
  await setParticipantRemoved(db, participant.id, now);
  await announceParticipantRevoked(participant.id);
  return { participantId: participant.id };
}
