import { getDb } from "@/db/client";
import { insertCase } from "@/db/queries/cases";
import { insertJoinLink } from "@/db/queries/join-links";
import { insertMeeting } from "@/db/queries/meetings";
import { insertParticipant, linkParticipantToUser } from "@/db/queries/participants";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { insertParticipantSession } from "@/db/queries/sessions";
import { createMeetingDocument } from "../collab-store/create-meeting-document";
import { newToken, hashToken } from "../access/tokens";
import { participantSessionRef, type SessionRef } from "../access/session-ref";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";

export type FixtureCase = {
  caseId: string;
  organisationId: string;
  meetingId: string;
  /**
   * Each participant's join link, and a session opened with it (as if they had followed it once;
   * the link's use count is left at 0): collaboration tickets are bound to a live session.
   */
  participants: Record<Role, { id: string; joinToken: string; sessionToken: string; session: SessionRef }>;
};

/** A case with one participant per role, a meeting with an initialised document, join links and sessions. */
export async function createFixtureCase(opts: { track?: Track; organisationId?: string } = {}): Promise<FixtureCase> {
  const db = await getDb();
  const track = opts.track ?? "employed";
  const organisationId = opts.organisationId ?? (await bootstrapOrganisation(db)).id;
  const c = await insertCase(db, { organisationId, employeeName: "Test Person", employer: "Test Employer", track });
  const meeting = await insertMeeting(db, {
    caseId: c.id,
    title: "Test meeting",
    startsAt: new Date(),
    location: "Room 1",
  });
  await createMeetingDocument({ meetingId: meeting.id, track });
  const roles: Role[] = ["caseworker", "employee", "manager", "union_rep", "observer"];
  const participants = {} as FixtureCase["participants"];
  let i = 0;
  for (const role of roles) {
    const p = await insertParticipant(db, { caseId: c.id, role, displayName: `Test ${role}`, colorIndex: i++ });
    const joinToken = newToken();
    const link = await insertJoinLink(db, {
      participantId: p.id,
      meetingId: meeting.id,
      tokenHash: hashToken(joinToken),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const sessionToken = newToken();
    const session = await insertParticipantSession(db, {
      tokenHash: hashToken(sessionToken),
      participantId: p.id,
      joinLinkId: link.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    participants[role] = { id: p.id, joinToken, sessionToken, session: participantSessionRef(session.id) };
  }
  return { caseId: c.id, organisationId, meetingId: meeting.id, participants };
}

/** Put a staff account behind the fixture's caseworker (for the case page's actions, which act as staff); its user id. */
export async function caseworkerStaffOf(f: FixtureCase): Promise<string> {
  const user = await provisionCaseworker({ email: `cw-${f.participants.caseworker.id}@kommune.example` });
  await linkParticipantToUser(await getDb(), f.participants.caseworker.id, user.id);
  return user.id;
}
