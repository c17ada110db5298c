import { getDb } from "@/db/client";
import { findParticipantBySessionHash } from "@/db/queries/access";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { findParticipantOfUserOnCase } from "@/db/queries/cases";
import { AppError } from "../errors";
import { hashToken, looksLikeToken } from "../access/tokens";
import { isUuid } from "../collab/doc-names";
import { assertCan } from "../permissions";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";
import type { AuthMethod, StaffAuthMethod } from "../auth/auth-method";
import { storedSessionToken } from "../auth/session-token";
import { participantSessionRef, staffSessionRef, type SessionRef } from "../access/session-ref";

export type Me = {
  participantId: string;
  caseId: string;
  role: Role;
  displayName: string;
  colorIndex: number;
  /** How this person proved who they are (recorded with a signature): join link, e-mail link, OIDC. */
  authMethod: AuthMethod;
  /**
   * The sign-in this request came with (join-link session, or the staff session when its cookie
   * was passed): a collaboration ticket is bound to it. Undefined for a staff identity without it.
   */
  session?: SessionRef;
};

/** Who is asking: a participant's session cookie, a signed-in staff member, or both. */
export type Principal = {
  participantSessionToken?: string | null;
  staffUserId?: string | null;
  staffAuthMethod?: StaffAuthMethod | null;
  /** The staff session cookie behind staffUserId; needed only to bind a collaboration ticket. */
  staffSessionToken?: string | null;
};

export type MeetingContext = {
  me: Me;
  meeting: {
    id: string;
    caseId: string;
    title: string;
    startsAt: Date;
    durationMinutes: number;
    location: string | null;
    videoUrl: string | null;
    status: string;
  };
  case: { id: string; employeeName: string; employer: string | null; track: Track };
};

/** The signed-in participant, from the session cookie's token; throws UNAUTHENTICATED. */
export async function requireSession(sessionToken: string | undefined | null): Promise<Me> {
  if (!looksLikeToken(sessionToken)) throw new AppError("UNAUTHENTICATED", "not signed in");
  const p = await findParticipantBySessionHash(await getDb(), hashToken(sessionToken));
  if (!p) throw new AppError("UNAUTHENTICATED", "session expired or revoked");
  return {
    participantId: p.id,
    caseId: p.caseId,
    role: p.role,
    displayName: p.displayName,
    colorIndex: p.colorIndex,
    authMethod: "join-link",
    session: participantSessionRef(p.sessionId),
  };
}

/**
 * Who → may they see this meeting? The meeting must exist and belong to the participant's case.
 * A meeting of another case answers FORBIDDEN, an unknown id NOT_FOUND.
 */
export async function requireMeetingParticipant(
  sessionToken: string | undefined | null,
  meetingId: string,
): Promise<MeetingContext> {
  return requireMeetingParticipantFrom({ participantSessionToken: sessionToken }, meetingId);
}

/**
 * The same question for either kind of sign-in: a participant session cookie (join link) of this
 * meeting's case, else a signed-in staff member who is a participant of that case (the caseworker
 * who opened it), acting as that participant. No usable identity → UNAUTHENTICATED; an identity
 * that is not on this meeting's case → FORBIDDEN; an unknown meeting → NOT_FOUND.
 */
export async function requireMeetingParticipantFrom(who: Principal, meetingId: string): Promise<MeetingContext> {
  const byLink = looksLikeToken(who.participantSessionToken)
    ? await requireSession(who.participantSessionToken).catch((e: unknown) => {
        if (e instanceof AppError && e.code === "UNAUTHENTICATED") return null;
        throw e;
      })
    : null;
  if (!byLink && !who.staffUserId) {
    throw new AppError("UNAUTHENTICATED", who.participantSessionToken ? "session expired or revoked" : "not signed in");
  }
  if (!isUuid(meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const db = await getDb();
  const found = await findMeetingWithCase(db, meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  let me: Me | null = byLink && byLink.caseId === found.meeting.caseId ? byLink : null;
  if (!me && who.staffUserId) {
    const p = await findParticipantOfUserOnCase(db, found.meeting.caseId, who.staffUserId);
    if (p) {
      me = {
        participantId: p.id,
        caseId: p.caseId,
        role: p.role,
        displayName: p.displayName,
        colorIndex: p.colorIndex,
        authMethod: who.staffAuthMethod ?? "email-link",
        ...(who.staffSessionToken ? { session: staffSessionRef(storedSessionToken(who.staffSessionToken)) } : {}),
      };
    }
  }
  if (!me) throw new AppError("FORBIDDEN", "not a participant of this meeting");
  assertCan(me.role, "view", "meeting");
  const { meeting, case: c } = found;
  return {
    me,
    meeting: {
      id: meeting.id,
      caseId: meeting.caseId,
      title: meeting.title,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      status: meeting.status,
    },
    case: { id: c.id, employeeName: c.employeeName, employer: c.employer, track: c.track },
  };
}
