"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { action } from "@/app/_server/action";
import { removeParticipant } from "@/lib/cases/remove-participant";
import { publicUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { inviteParticipant } from "@/lib/invites/invite-participant";
import type { IssuedInvitation } from "@/lib/invites/issue-invitation-link";
import { reissueInvitation } from "@/lib/invites/reissue-invitation";
import { revokeInvitation } from "@/lib/invites/revoke-invitation";
import { showInvitationAgain } from "@/lib/invites/show-invitation-again";
import { scheduleCaseMeeting } from "@/lib/followup/schedule-case-meeting";
import { rescheduleMeeting } from "@/lib/followup/reschedule-meeting";
import { cancelMeeting } from "@/lib/followup/cancel-meeting";
import { closeCase } from "@/lib/cases/close-case";
import { reopenCase } from "@/lib/cases/reopen-case";
import type { IssuedView } from "./view-types";

/*
 * The case page's server actions, each through the one action wrapper (app/_server/action.ts):
 * origin → who (the staff session) → what and do (lib validates with zod and authorises against
 * the case) → answer ({ ok, value } or a typed error with field codes). The page is revalidated so
 * the link states are current.
 */

async function present(issued: IssuedInvitation, again = false): Promise<IssuedView> {
  const format = await getFormatter();
  const tRoles = await getTranslations("roles");
  return {
    participantId: issued.participantId,
    displayName: issued.displayName,
    roleLabel: tRoles(issued.role),
    url: issued.url,
    qrSvg: issued.qrSvg,
    expiresText: format.dateTime(issued.expiresAt, { dateStyle: "long" }),
    meetingTitle: issued.meeting.title,
    emailedTo: issued.emailedTo,
    again,
  };
}

async function context() {
  const locale = await getLocale();
  // Join links (and their QR codes and e-mails) are built on the public URL, never on this
  // request's Host: a link is a key, and must only ever lead to this server (issue 12.1).
  return { baseUrl: publicUrl(), locale: isLocale(locale) ? locale : "da" } as const;
}

export const inviteAction = action(
  { auth: "staff" },
  async ({ actors }, caseId: string, _prev: unknown, form: FormData): Promise<IssuedView> => {
    const { baseUrl, locale } = await context();
    const issued = await inviteParticipant({
      who: actors,
      caseId,
      raw: { role: form.get("role"), displayName: form.get("displayName"), email: form.get("email") },
      baseUrl,
      locale,
    });
    revalidatePath(`/cases/${caseId}`);
    return present(issued);
  },
);

export const reissueAction = action({ auth: "staff" }, async ({ actors }, caseId: string, participantId: string): Promise<IssuedView> => {
  const { baseUrl, locale } = await context();
  const issued = await reissueInvitation({ who: actors, caseId, raw: { participantId }, baseUrl, locale });
  revalidatePath(`/cases/${caseId}`);
  return present(issued);
});

/** Show a person's link again (a second link beside theirs); nothing is withdrawn (issue 13.1). */
export const showAgainAction = action({ auth: "staff" }, async ({ actors }, caseId: string, participantId: string): Promise<IssuedView> => {
  const { baseUrl, locale } = await context();
  const issued = await showInvitationAgain({ who: actors, caseId, raw: { participantId }, baseUrl, locale });
  revalidatePath(`/cases/${caseId}`);
  return present(issued, true);
});

export const revokeAction = action({ auth: "staff" }, async ({ actors }, caseId: string, participantId: string): Promise<null> => {
  await revokeInvitation({ who: actors, caseId, raw: { participantId } });
  revalidatePath(`/cases/${caseId}`);
  return null;
});

export const removeAction = action({ auth: "staff" }, async ({ actors }, caseId: string, participantId: string): Promise<null> => {
  await removeParticipant({ who: actors, caseId, raw: { participantId } });
  revalidatePath(`/cases/${caseId}`);
  return null;
});

export const scheduleAction = action(
  { auth: "staff" },
  async ({ actors }, caseId: string, _prev: unknown, form: FormData): Promise<{ id: string }> => {
    const { locale } = await context();
    const raw = Object.fromEntries(["title", "date", "time", "durationMinutes", "location", "videoUrl"].map((k) => [k, form.get(k)]));
    const meeting = await scheduleCaseMeeting({ who: actors, caseId, raw, locale });
    revalidatePath(`/cases/${caseId}`);
    return { id: meeting.id };
  },
);

/** Move a meeting to come; the people invited are told by e-mail. */
export const rescheduleAction = action(
  { auth: "staff" },
  async ({ actors }, caseId: string, meetingId: string, _prev: unknown, form: FormData): Promise<{ told: number }> => {
    const { baseUrl, locale } = await context();
    const raw = Object.fromEntries(["date", "time", "durationMinutes", "location", "videoUrl"].map((k) => [k, form.get(k)]));
    const r = await rescheduleMeeting({ who: actors, meetingId, raw, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { told: r.told };
  },
);

/** Cancel a meeting to come, with an optional message; the people invited are told by e-mail. */
export const cancelMeetingAction = action(
  { auth: "staff" },
  async ({ actors }, caseId: string, meetingId: string, _prev: unknown, form: FormData): Promise<{ told: number }> => {
    const { baseUrl, locale } = await context();
    const r = await cancelMeeting({ who: actors, meetingId, raw: { message: form.get("message") }, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { told: r.told };
  },
);

/** Close the case with its outcome and date: read-only everywhere from now on. */
export const closeCaseAction = action(
  { auth: "staff" },
  async ({ actors, now }, caseId: string, _prev: unknown, form: FormData): Promise<null> => {
    await closeCase({ who: actors, caseId, raw: { outcome: form.get("outcome"), date: form.get("date") }, now });
    revalidatePath(`/cases/${caseId}`);
    return null;
  },
);

/** Reopen a closed case, saying why. */
export const reopenCaseAction = action(
  { auth: "staff" },
  async ({ actors, now }, caseId: string, _prev: unknown, form: FormData): Promise<null> => {
    await reopenCase({ who: actors, caseId, raw: { reason: form.get("reason") }, now });
    revalidatePath(`/cases/${caseId}`);
    return null;
  },
);
