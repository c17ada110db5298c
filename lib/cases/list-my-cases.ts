import { getDb } from "@/db/client";
import { listCasesOfUser, listMeetingsOfCases } from "@/db/queries/cases";
import { AppError } from "../errors";
import { pickNextMeeting } from "../time/pick-invitation-meeting";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";

export type MyCase = {
  id: string;
  employeeName: string;
  employer: string | null;
  track: Track;
  myRole: Role;
  nextMeeting: { id: string; title: string; startsAt: Date } | null;
};

/** The signed-in staff member's cases (those they are a participant of), newest first. */
export async function listMyCases(input: { staffUserId: string | null | undefined; now?: Date }): Promise<MyCase[]> {
  if (!input.staffUserId) throw new AppError("UNAUTHENTICATED", "not signed in");
  const db = await getDb();
  const rows = await listCasesOfUser(db, input.staffUserId);
  const meetings = await listMeetingsOfCases(
    db,
    rows.map((r) => r.case.id),
  );
  return rows.map(({ case: c, role }) => {
    // "Next meeting" on the list: one still to come, never the last one that is over.
    const next = pickNextMeeting(
      meetings.filter((m) => m.caseId === c.id),
      input.now,
    );
    return {
      id: c.id,
      employeeName: c.employeeName,
      employer: c.employer,
      track: c.track,
      myRole: role,
      nextMeeting: next ? { id: next.id, title: next.title, startsAt: next.startsAt } : null,
    };
  });
}
