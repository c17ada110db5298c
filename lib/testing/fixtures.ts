import { getDb } from "@/db/client";
import { insertJoinLink } from "@/db/queries/access";
import { insertCase, insertMeeting, insertParticipant } from "@/db/queries/meetings";
import { createMeetingDocument } from "../collab-store/create-meeting-document";
import { newToken, hashToken } from "../access/tokens";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";

export type FixtureCase = {
  caseId: string;
  meetingId: string;
  participants: Record<Role, { id: string; joinToken: string }>;
};

/** A case with one participant per role, a meeting with an initialised document, and join links. */
export async function createFixtureCase(opts: { track?: Track } = {}): Promise<FixtureCase> {
  const db = await getDb();
  const track = opts.track ?? "employed";
  const c = await insertCase(db, { employeeName: "Test Person", employer: "Test Employer", track });
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
    await insertJoinLink(db, {
      participantId: p.id,
      meetingId: meeting.id,
      tokenHash: hashToken(joinToken),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    participants[role] = { id: p.id, joinToken };
  }
  return { caseId: c.id, meetingId: meeting.id, participants };
}
