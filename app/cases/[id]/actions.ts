"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentStaff } from "@/app/_server/auth";
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
import { actionError } from "../_lib/action-error";
import type { ActionResult } from "../_lib/action-result";
import type { IssuedView } from "./view-types";

/*
 * The case page's server actions. Each is a public endpoint: who (the staff session) → what and
 * do (lib validates with zod and authorises against the case) → answer ({ ok, value } or a typed
 * error with field codes). The page is revalidated so the link states are current.
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
  return { staff: await currentStaff(), baseUrl: publicUrl(), locale: isLocale(locale) ? locale : "da" } as const;
}

export async function inviteAction(caseId: string, _prev: ActionResult<IssuedView> | null, form: FormData): Promise<ActionResult<IssuedView>> {
  try {
    const { staff, baseUrl, locale } = await context();
    const issued = await inviteParticipant({
      staffUserId: staff?.userId,
      caseId,
      raw: { role: form.get("role"), displayName: form.get("displayName"), email: form.get("email") },
      baseUrl,
      locale,
    });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: await present(issued) };
  } catch (e) {
    return actionError(e);
  }
}

export async function reissueAction(caseId: string, participantId: string): Promise<ActionResult<IssuedView>> {
  try {
    const { staff, baseUrl, locale } = await context();
    const issued = await reissueInvitation({ staffUserId: staff?.userId, caseId, raw: { participantId }, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: await present(issued) };
  } catch (e) {
    return actionError(e);
  }
}

/** Show a person's link again (a second link beside theirs); nothing is withdrawn (issue 13.1). */
export async function showAgainAction(caseId: string, participantId: string): Promise<ActionResult<IssuedView>> {
  try {
    const { staff, baseUrl, locale } = await context();
    const issued = await showInvitationAgain({ staffUserId: staff?.userId, caseId, raw: { participantId }, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: await present(issued, true) };
  } catch (e) {
    return actionError(e);
  }
}

export async function revokeAction(caseId: string, participantId: string): Promise<ActionResult> {
  try {
    const staff = await currentStaff();
    await revokeInvitation({ staffUserId: staff?.userId, caseId, raw: { participantId } });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: null };
  } catch (e) {
    return actionError(e);
  }
}

export async function removeAction(caseId: string, participantId: string): Promise<ActionResult> {
  try {
    const staff = await currentStaff();
    await removeParticipant({ staffUserId: staff?.userId, caseId, raw: { participantId } });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: null };
  } catch (e) {
    return actionError(e);
  }
}

export async function scheduleAction(caseId: string, _prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const { staff, locale } = await context();
    const raw = Object.fromEntries(["title", "date", "time", "durationMinutes", "location", "videoUrl"].map((k) => [k, form.get(k)]));
    const meeting = await scheduleCaseMeeting({ staffUserId: staff?.userId, caseId, raw, locale });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: { id: meeting.id } };
  } catch (e) {
    return actionError(e);
  }
}

/** Move a meeting to come; the people invited are told by e-mail. */
export async function rescheduleAction(caseId: string, meetingId: string, _prev: ActionResult<{ told: number }> | null, form: FormData): Promise<ActionResult<{ told: number }>> {
  try {
    const { staff, baseUrl, locale } = await context();
    const raw = Object.fromEntries(["date", "time", "durationMinutes", "location", "videoUrl"].map((k) => [k, form.get(k)]));
    const r = await rescheduleMeeting({ staffUserId: staff?.userId, meetingId, raw, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: { told: r.told } };
  } catch (e) {
    return actionError(e);
  }
}

/** Cancel a meeting to come, with an optional message; the people invited are told by e-mail. */
export async function cancelMeetingAction(caseId: string, meetingId: string, _prev: ActionResult<{ told: number }> | null, form: FormData): Promise<ActionResult<{ told: number }>> {
  try {
    const { staff, baseUrl, locale } = await context();
    const r = await cancelMeeting({ staffUserId: staff?.userId, meetingId, raw: { message: form.get("message") }, baseUrl, locale });
    revalidatePath(`/cases/${caseId}`);
    return { ok: true, value: { told: r.told } };
  } catch (e) {
    return actionError(e);
  }
}
