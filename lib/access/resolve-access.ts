import { getDb } from "@/db/client";
import { withOrganisation } from "@/db/organisation-scope";
import { organisationOfParticipantSession } from "@/db/queries/organisation-of";
import { findAgreement } from "@/db/queries/agreements";
import { touchLiveApiToken } from "@/db/queries/api-tokens";
import { findCase } from "@/db/queries/cases";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { type ParticipantRow, findParticipant, findParticipantOfUserOnCase, findStaffCaseworkerOfCase } from "@/db/queries/participants";
import { findLiveParticipantSession, findLiveStaffSession } from "@/db/queries/sessions";
import { isStaffAuthMethod } from "./auth-method";
import { storedSessionToken } from "./session-token";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { assertCan, staffCan } from "../permissions";
import type { Actors, Credentials, MeetingContext, Me, ParticipantActor, StaffActor, SystemActor } from "./actor";
import { looksLikeApiToken } from "./api-token";
import { participantSessionRef, staffSessionRef } from "./session-ref";
import { hashToken, looksLikeToken } from "./tokens";

/**
 * The one resolver of "who is acting", in two steps:
 *
 * 1. `identify(credentials)`: who the request's credentials prove — a participant (a live session
 *    opened by their join link) and/or a staff member (a live Auth.js session of a staff user), or
 *    one of the organisation's systems (a live API token).
 * 2. `resolveAccess(actors, target)`: that person as a participant of a case — named directly, or
 *    through one of its meetings or agreements. The participant session counts when it is of that
 *    case; else the staff member's own participant on it (normally the caseworker who opened it).
 *    A system acts on its organisation's cases through the case's caseworker participant; a case
 *    of another organisation does not exist for it (NOT_FOUND, so no id's existence leaks).
 *
 * Answers, in this order: nobody identified → UNAUTHENTICATED (401); an unknown or malformed
 * meeting or agreement → NOT_FOUND (404); somebody, but not on this case → FORBIDDEN (403).
 */
export async function identify(credentials: Credentials, now: Date = new Date()): Promise<Actors> {
  const [participant, staff, system] = await Promise.all([
    participantActor(credentials.participantSessionToken, now),
    staffActor(credentials.staffSessionToken, now),
    systemActor(credentials.apiToken, now),
  ]);
  return { participant, staff, system };
}

/** Whom a request may act on: a case, a meeting's case, an agreement's case, or the participant's own case. */
export type AccessTarget = { caseId: string } | { meetingId: string } | { agreementId: string } | "own-case";

export async function resolveAccess(actors: Actors, target: { meetingId: string }): Promise<MeetingContext>;
export async function resolveAccess(actors: Actors, target: AccessTarget): Promise<{ me: Me }>;
export async function resolveAccess(actors: Actors, target: AccessTarget): Promise<{ me: Me } | MeetingContext> {
  if (!actors.participant && !actors.staff && !actors.system) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (target === "own-case") {
    // A join link is for one case; a staff member has no "own" case to fall back to.
    if (!actors.participant) throw new AppError("UNAUTHENTICATED", "not signed in by a personal link");
    return { me: await meOnCase(actors, actors.participant.caseId) };
  }
  if ("caseId" in target) {
    // Unknown here includes another organisation's case (row-level security hides it): 404, no existence leak.
    if (!isUuid(target.caseId) || !(await findCase(await getDb(), target.caseId))) throw new AppError("NOT_FOUND", "no such case");
    return { me: await meOnCase(actors, target.caseId) };
  }
  if ("agreementId" in target) {
    const row = isUuid(target.agreementId) ? await findAgreement(await getDb(), target.agreementId) : null;
    if (!row) throw new AppError("NOT_FOUND", "no such agreement");
    return { me: await meOnCase(actors, row.caseId) };
  }
  const found = isUuid(target.meetingId) ? await findMeetingWithCase(await getDb(), target.meetingId) : null;
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  const me = await meOnCase(actors, found.meeting.caseId);
  assertCan(me.role, "view", "meeting");
  const { meeting: m, case: c } = found;
  return {
    me,
    meeting: {
      id: m.id,
      caseId: m.caseId,
      title: m.title,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      videoUrl: m.videoUrl,
      status: m.status,
    },
    case: { id: c.id, employeeName: c.employeeName, employer: c.employer, track: c.track, state: c.state },
  };
}

async function meOnCase(actors: Actors, caseId: string): Promise<Me> {
  if (actors.system) return systemOnCase(actors.system, caseId);
  const byLink = actors.participant;
  if (byLink && byLink.caseId === caseId) {
    const p = participantOf.get(byLink) ?? (await liveParticipant(byLink.participantId));
    if (p) return { participantId: p.id, caseId, role: p.role, displayName: p.displayName, colorIndex: p.colorIndex, actor: byLink };
  }
  // An administrator (a staff role that works no cases) sees no case content, even on a case they
  // were once a participant of (docs/permissions.md, "Staff roles").
  const staff = actors.staff && staffCan(actors.staff.roles, "work_cases") ? actors.staff : null;
  const p = staff ? await findParticipantOfUserOnCase(await getDb(), caseId, staff.userId) : null;
  if (staff && !p) await refuseStaffOffCase(staff, caseId);
  if (!staff || !p) throw new AppError("FORBIDDEN", "not a participant of this case");
  return {
    participantId: p.id,
    caseId: p.caseId,
    role: p.role,
    displayName: p.displayName,
    colorIndex: p.colorIndex,
    actor: staff,
    userId: staff.userId,
  };
}

/** A case of another organisation does not exist for a staff member (404, no leak); one of theirs they are not on is 403. */
async function refuseStaffOffCase(staff: StaffActor, caseId: string): Promise<never> {
  const c = await findCase(await getDb(), caseId);
  if (!c || c.organisationId !== staff.organisationId) throw new AppError("NOT_FOUND", "no such case");
  throw new AppError("FORBIDDEN", "not a participant of this case");
}

/** A system on a case of its organisation, as the case's caseworker; any other case is unknown to it. */
async function systemOnCase(system: SystemActor, caseId: string): Promise<Me> {
  const db = await getDb();
  const c = await findCase(db, caseId);
  if (!c || c.organisationId !== system.organisationId) throw new AppError("NOT_FOUND", "no such case");
  // The caseworker the case is assigned to; a case from before assignments, its first caseworker.
  const assigned = c.assignedCaseworkerId ? await findParticipantOfUserOnCase(db, caseId, c.assignedCaseworkerId) : null;
  const p = assigned ?? (await findStaffCaseworkerOfCase(db, caseId));
  if (!p?.userId) throw new AppError("FORBIDDEN", "the case has no caseworker to act through");
  return {
    participantId: p.id,
    caseId,
    role: p.role,
    displayName: p.displayName,
    colorIndex: p.colorIndex,
    actor: system,
    userId: p.userId,
  };
}

async function liveParticipant(id: string): Promise<ParticipantRow | null> {
  const row = await findParticipant(await getDb(), id);
  return row && !row.removedAt ? row : null;
}

/** The participant row each identified participant came with, so resolving needs no second read. */
const participantOf = new WeakMap<ParticipantActor, Pick<ParticipantRow, "id" | "role" | "displayName" | "colorIndex">>();

async function participantActor(token: string | null | undefined, now: Date): Promise<ParticipantActor | null> {
  if (!looksLikeToken(token)) return null;
  const db = await getDb();
  const hash = hashToken(token);
  // The session's organisation first (no organisation is entered yet, so row-level security
  // would show no session at all), then the session itself, read in that organisation.
  const organisationId = await organisationOfParticipantSession(db, hash);
  if (!organisationId) return null;
  const found = await withOrganisation(organisationId, () => findLiveParticipantSession(db, hash, now));
  if (!found) return null;
  const p = found.participant;
  const actor: ParticipantActor = {
    kind: "participant",
    participantId: p.id,
    caseId: p.caseId,
    organisationId: found.organisationId,
    roles: [],
    authMethod: "join-link",
    authenticatedAt: found.openedAt,
    session: participantSessionRef(found.sessionId),
  };
  participantOf.set(actor, p);
  return actor;
}

async function systemActor(token: string | null | undefined, now: Date): Promise<SystemActor | null> {
  if (!looksLikeApiToken(token)) return null;
  const found = await touchLiveApiToken(await getDb(), hashToken(token), now);
  if (!found) return null;
  return {
    kind: "system",
    tokenId: found.id,
    name: found.name,
    organisationId: found.organisationId,
    roles: ["caseworker"],
    authMethod: "api-token",
    authenticatedAt: found.createdAt,
  };
}

async function staffActor(token: string | null | undefined, now: Date): Promise<StaffActor | null> {
  if (typeof token !== "string" || token.length === 0) return null;
  const stored = storedSessionToken(token);
  const found = await findLiveStaffSession(await getDb(), stored, now);
  if (!found) return null;
  return {
    kind: "staff",
    userId: found.userId,
    email: found.email,
    name: found.name,
    organisationId: found.organisationId,
    roles: [found.staffRole],
    // Sessions from before the method was recorded count as e-mail links.
    authMethod: isStaffAuthMethod(found.method) ? found.method : "email-link",
    // A session from before its opening time was recorded counts as old: sign in again to sign.
    authenticatedAt: found.openedAt ?? new Date(0),
    session: staffSessionRef(stored),
  };
}
