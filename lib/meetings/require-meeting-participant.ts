import { getDb } from "@/db/client";
import { findParticipantBySessionHash } from "@/db/queries/access";
import { findMeetingWithCase } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { hashToken, looksLikeToken } from "../access/tokens";
import { isUuid } from "../collab/doc-names";
import { assertCan } from "../permissions";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";

export type Me = {
  participantId: string;
  caseId: string;
  role: Role;
  displayName: string;
  colorIndex: number;
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
  return { participantId: p.id, caseId: p.caseId, role: p.role, displayName: p.displayName, colorIndex: p.colorIndex };
}

/**
 * Who → may they see this meeting? The meeting must exist and belong to the participant's case.
 * A meeting of another case answers FORBIDDEN, an unknown id NOT_FOUND.
 */
export async function requireMeetingParticipant(
  sessionToken: string | undefined | null,
  meetingId: string,
): Promise<MeetingContext> {
  const me = await requireSession(sessionToken);
  if (!isUuid(meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const found = await findMeetingWithCase(await getDb(), meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  if (found.meeting.caseId !== me.caseId) throw new AppError("FORBIDDEN", "not a participant of this meeting");
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
