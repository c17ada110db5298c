import { requireCaseStaff } from "../cases/require-case-staff";
import type { Locale } from "../i18n/locales";
import { findCaseParticipant } from "../cases/find-case-participant";
import { issueInvitationLink, type IssuedInvitation } from "./issue-invitation-link";
import type { Actors } from "../access/actor";

/**
 * Show a participant's personal link again — e.g. as a QR code for a union representative without
 * e-mail whose phone lost its session — WITHOUT withdrawing the link they have (issue 13.1). Only
 * the hash of a token is stored, so the old link cannot be displayed; instead a second link to the
 * same person is issued beside it, and both work. No e-mail is sent: the person still has theirs.
 * Withdrawing stays an explicit choice of the caseworker (re-issue or withdraw).
 */
export async function showInvitationAgain(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<IssuedInvitation> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "invitations" });
  const participant = await findCaseParticipant(access.case.id, input.raw);
  return issueInvitationLink({
    caseId: access.case.id,
    participant,
    baseUrl: input.baseUrl,
    locale: input.locale,
    sendEmail: false,
    now: input.now,
  });
}
