import { getDb } from "@/db/client";
import { findAgreement, findSessionForSigning, findStaffSessionForSigning } from "@/db/queries/agreements";
import { findParticipantOfUserOnCase } from "@/db/queries/cases";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { hashToken, looksLikeToken } from "../access/tokens";
import { isStaffAuthMethod } from "../auth/auth-method";
import { storedSessionToken } from "../auth/session-token";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../meetings/require-meeting-participant";

/**
 * Who is acting, and when they last proved it. Signing asks for more than a live session: on
 * one's own device it must have been opened recently (confirm-signer.ts), and the evidence
 * records how the person was authenticated (`me.authMethod`).
 */
export type Actor = {
  me: Me;
  /** When the session was opened: the last time this person proved who they are. */
  authenticatedAt: Date;
};

/**
 * The credentials a request carries: a participant's session (their personal join link) and/or
 * a staff member's Auth.js session (the caseworker signed in by e-mail link or OIDC). A staff
 * member acts as their participant on the case in question.
 */
export type AgreementPrincipal = { participantSessionToken?: string | null; staffSessionToken?: string | null };

/** Auth.js's session cookie names (database sessions): plain on http, `__Secure-` on https. */
export const STAFF_SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** What the request says about the device, recorded with each event ("as reported": a proxy may set it). */
export type ClientFacts = { ip: string | null; userAgent: string | null };

export function hasCredentials(p: AgreementPrincipal): boolean {
  return looksLikeToken(p.participantSessionToken) || (typeof p.staffSessionToken === "string" && p.staffSessionToken.length > 0);
}

/** The participant behind a session cookie (opened with their personal join link). */
export async function requireAgreementActor(sessionToken: string | undefined | null, now = new Date()): Promise<Actor> {
  const actor = await participantActor(sessionToken, now);
  if (!actor) throw new AppError("UNAUTHENTICATED", looksLikeToken(sessionToken) ? "session expired or revoked" : "not signed in");
  return actor;
}

/**
 * The actor for one case: the participant session when it belongs to that case, else the staff
 * member's own participant on it. No usable credentials → 401; credentials, but nobody on this
 * case → 403.
 */
export async function actorForCase(principal: AgreementPrincipal, caseId: string, now = new Date()): Promise<Actor> {
  const byLink = await participantActor(principal.participantSessionToken, now);
  if (byLink && byLink.me.caseId === caseId) return byLink;
  const staff = principal.staffSessionToken ? await findStaffSessionForSigning(await getDb(), storedSessionToken(principal.staffSessionToken), now) : null;
  if (!byLink && !staff) throw new AppError("UNAUTHENTICATED", hasCredentials(principal) ? "session expired or revoked" : "not signed in");
  const p = staff ? await findParticipantOfUserOnCase(await getDb(), caseId, staff.userId) : null;
  if (!staff || !p) throw new AppError("FORBIDDEN", "not a participant of this case");
  return {
    me: { participantId: p.id, caseId: p.caseId, role: p.role, displayName: p.displayName, colorIndex: p.colorIndex, authMethod: isStaffAuthMethod(staff.method) ? staff.method : "email-link" },
    // A session from before its opening time was recorded counts as old: sign in again to sign.
    authenticatedAt: staff.openedAt ?? new Date(0),
  };
}

/** The actor for the case an agreement belongs to; an unknown agreement is 404. */
export async function actorForAgreement(principal: AgreementPrincipal, agreementId: string, now = new Date()): Promise<Actor> {
  if (!hasCredentials(principal)) throw new AppError("UNAUTHENTICATED", "not signed in");
  const row = isUuid(agreementId) ? await findAgreement(await getDb(), agreementId) : null;
  if (!row) throw new AppError("NOT_FOUND", "no such agreement");
  return actorForCase(principal, row.caseId, now);
}

/** The actor for the case a meeting belongs to; an unknown meeting is 404. */
export async function actorForMeeting(principal: AgreementPrincipal, meetingId: string, now = new Date()): Promise<Actor> {
  if (!hasCredentials(principal)) throw new AppError("UNAUTHENTICATED", "not signed in");
  const found = isUuid(meetingId) ? await findMeetingWithCase(await getDb(), meetingId) : null;
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  return actorForCase(principal, found.meeting.caseId, now);
}

async function participantActor(sessionToken: string | undefined | null, now: Date): Promise<Actor | null> {
  if (!looksLikeToken(sessionToken)) return null;
  const found = await findSessionForSigning(await getDb(), hashToken(sessionToken), now);
  if (!found) return null;
  const p = found.participant;
  return {
    me: { participantId: p.id, caseId: p.caseId, role: p.role, displayName: p.displayName, colorIndex: p.colorIndex, authMethod: "join-link" },
    authenticatedAt: found.openedAt,
  };
}
