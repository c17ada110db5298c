import { getDb } from "@/db/client";
import { listParticipantsWithNewestLink } from "@/db/queries/join-links";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { newestMailStateOfParticipants, type OutboxState } from "@/db/queries/outbox";
import { linkState, type LinkState } from "./link-state";
import { pickInvitationMeeting } from "../time/pick-invitation-meeting";
import { can } from "../permissions";
import { ROLES, type Role } from "../plan/roles";
import { requireCaseStaff, type CaseSummary } from "./require-case-staff";

export type OverviewParticipant = {
  id: string;
  role: Role;
  displayName: string;
  email: string | null;
  isMe: boolean;
  /** Signs in with a staff account (the caseworker who opened the case) rather than by link. */
  hasStaffAccount: boolean;
  link: LinkState;
  /** Their newest invitation e-mail's state (lib/mail): null when none was sent. */
  mail: OutboxState | null;
};

export type OverviewMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: string;
};

export type CaseOverview = {
  case: CaseSummary;
  me: { participantId: string; role: Role };
  participants: OverviewParticipant[];
  meetings: OverviewMeeting[];
  /** The meeting new invitations open; null until one is scheduled. */
  invitationMeeting: OverviewMeeting | null;
  may: { manageInvitations: boolean; manageMeetings: boolean; manageCase: boolean };
};

/** Everything the caseworker's case page shows: people by role with their link state, and meetings. */
export async function getCaseOverview(input: {
  staffUserId: string | null | undefined;
  caseId: string;
  now?: Date;
}): Promise<CaseOverview> {
  const access = await requireCaseStaff({ staffUserId: input.staffUserId, caseId: input.caseId });
  const db = await getDb();
  const now = input.now ?? new Date();
  const people = await listParticipantsWithNewestLink(db, access.case.id);
  const meetings: OverviewMeeting[] = (await listMeetingsOfCases(db, [access.case.id])).map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    videoUrl: m.videoUrl,
    status: m.status,
  }));
  const mail = await newestMailStateOfParticipants(
    db,
    people.map((p) => p.participant.id),
  );
  const participants = people
    .map(({ participant: p, link }) => ({
      id: p.id,
      role: p.role,
      displayName: p.displayName,
      email: p.email,
      isMe: p.id === access.me.participantId,
      hasStaffAccount: p.userId !== null,
      link: linkState(link, now),
      mail: mail.get(p.id) ?? null,
    }))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const role = access.me.role;
  return {
    case: access.case,
    me: { participantId: access.me.participantId, role },
    participants,
    meetings,
    invitationMeeting: pickInvitationMeeting(meetings, now),
    may: {
      manageInvitations: can(role, "manage", "invitations"),
      manageMeetings: can(role, "manage", "meeting"),
      manageCase: can(role, "manage", "case"),
    },
  };
}
