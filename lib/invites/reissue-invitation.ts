import { getDb } from "@/db/client";
import { revokeLinksAndTheirSessions } from "@/db/queries/join-links";
import { requireCaseStaff } from "../cases/require-case-staff";
import type { Locale } from "../i18n/locales";
import { announceParticipantRevoked } from "../cases/announce-participant-revoked";
import { findCaseParticipant } from "../cases/find-case-participant";
import { issueInvitationLink, type IssuedInvitation } from "./issue-invitation-link";
import type { Actors } from "../access/actor";

/**
 * Re-issue: withdraw the participant's old link (ending the sessions opened with it) and issue a
 * new one, shown once — for a link that was lost or may have reached the wrong person. To show a
 * person their link again without cutting them off, see show-invitation-again.ts.
 */
export async function reissueInvitation(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<IssuedInvitation> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "invitations" });
  const participant = await findCaseParticipant(access.case.id, input.raw);
  const revoked = await revokeLinksAndTheirSessions(await getDb(), participant.id, input.now ?? new Date());
  if (revoked > 0) await announceParticipantRevoked(participant.id);
  return issueInvitationLink({
    caseId: access.case.id,
    participant,
    baseUrl: input.baseUrl,
    locale: input.locale,
    now: input.now,
  });
}
