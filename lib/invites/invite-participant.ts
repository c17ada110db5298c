import { addParticipant } from "../cases/add-participant";
import { invalidInput } from "../input-errors";
import { requireCaseStaff } from "../cases/require-case-staff";
import type { Locale } from "../i18n/locales";
import { ZInvite } from "./invite-input";
import { issueInvitationLink, type IssuedInvitation } from "./issue-invitation-link";
import { getDb } from "@/db/client";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { pickInvitationMeeting } from "../time/pick-invitation-meeting";
import type { Actors } from "../access/actor";

/**
 * Who → the case's caseworker (invitations: manage). What → role, name, optional e-mail (zod).
 * Do → add the participant and issue their join link for the case's next meeting. The answer
 * holds the link and its QR code once; the database keeps only the hash.
 */
export async function inviteParticipant(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<IssuedInvitation> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "manage", resource: "invitations" });
  const parsed = ZInvite.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  // Checked before the person is added, so a refused invitation leaves nothing behind.
  if (!pickInvitationMeeting(await listMeetingsOfCases(await getDb(), [access.case.id]), input.now)) {
    throw new AppError("CONFLICT", "schedule a meeting before inviting", { form: "noMeeting" });
  }
  const added = await addParticipant({ caseId: access.case.id, ...parsed.data });
  return issueInvitationLink({
    caseId: access.case.id,
    participant: { id: added.id, role: added.role, displayName: added.displayName, email: parsed.data.email },
    baseUrl: input.baseUrl,
    locale: input.locale,
    now: input.now,
  });
}
