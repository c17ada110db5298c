import { getDb } from "@/db/client";
import { listParticipantsWithNewestLink } from "@/db/queries/join-links";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { newestMailStateOfParticipants, type OutboxState } from "@/db/queries/outbox";
import { listCaseEvents } from "@/db/queries/case-events";
import { findUserById } from "@/db/queries/users";
import type { CaseOutcome } from "./case-lifecycle-input";
import { linkState, type LinkState } from "./link-state";
import { pickInvitationMeeting } from "../time/pick-invitation-meeting";
import { can } from "../permissions";
import type { MeetingSummary } from "../meetings/meeting-summary";
import { ROLES, type Role } from "../plan/roles";
import { requireCaseStaff, type CaseSummary } from "./require-case-staff";
import type { Actors } from "../access/actor";

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

export type OverviewMeeting = MeetingSummary;

export type CaseOverview = {
  case: CaseSummary;
  me: { participantId: string; role: Role };
  participants: OverviewParticipant[];
  meetings: OverviewMeeting[];
  /** The meeting new invitations open; null until one is scheduled. */
  invitationMeeting: OverviewMeeting | null;
  /** `changeState`: close the case, or reopen it when closed (the others are false while it is closed). */
  may: { manageInvitations: boolean; manageMeetings: boolean; manageCase: boolean; changeState: boolean };
  /** Closes, reopens and handovers, oldest first, with the staff members' names. */
  history: CaseHistoryEntry[];
};

export type CaseHistoryEntry = {
  id: string;
  kind: "closed" | "reopened" | "handed_over";
  at: Date;
  outcome: CaseOutcome | null;
  closedOn: string | null;
  reason: string | null;
  by: string | null;
  to: string | null;
};

/** Everything the caseworker's case page shows: people by role with their link state, and meetings. */
export async function getCaseOverview(input: { who: Actors; caseId: string; now?: Date }): Promise<CaseOverview> {
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId });
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
  const events = await listCaseEvents(db, access.case.id);
  const names = new Map<string, string>();
  for (const id of new Set(events.flatMap((e) => [e.byUserId, e.toUserId]).filter((x): x is string => x !== null))) {
    const u = await findUserById(db, id);
    if (u) names.set(id, u.name ?? u.email ?? id);
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  // A closed case is read-only: the page offers no changes until it is reopened.
  const open = access.case.state === "open";
  return {
    case: access.case,
    me: { participantId: access.me.participantId, role },
    participants,
    meetings,
    invitationMeeting: pickInvitationMeeting(meetings, now),
    may: {
      manageInvitations: open && can(role, "manage", "invitations"),
      manageMeetings: open && can(role, "manage", "meeting"),
      manageCase: open && can(role, "manage", "case"),
      changeState: can(role, "manage", "case"),
    },
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      outcome: e.outcome,
      closedOn: e.closedOn,
      reason: e.reason,
      by: nameOf(e.byUserId),
      to: nameOf(e.toUserId),
    })),
  };
}
