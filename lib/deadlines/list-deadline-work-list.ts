import { getDb } from "@/db/client";
import { listCasesOfUser } from "@/db/queries/cases";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { loadCaseAgreements } from "../agreements/case-agreements";
import { recordAccessMerged } from "../audit/record-access-merged";
import { AppError } from "../errors";
import { dateInZone } from "../time/zoned";
import { organisationOfCase } from "../organisations/organisation-of-case";
import { caseLawDeadlines } from "./case-law-deadlines";
import { isDueWithinWeek, isMissed, type LawDeadline } from "./law-deadlines";

export type WorkListItem = { caseId: string; employeeName: string; deadline: LawDeadline };
export type DeadlineWorkList = { dueThisWeek: WorkListItem[]; missed: WorkListItem[] };

/**
 * The caseworker's work list: across the cases they are caseworker on, the law's deadlines due
 * within the week from today and those missed, each bucket by date. It names the employees, so
 * each case listed gets an access-log row (merged per window, as the case list does).
 */
export async function listDeadlineWorkList(input: {
  staffUserId: string | null | undefined;
  viewerName: string;
  now?: Date;
}): Promise<DeadlineWorkList> {
  if (!input.staffUserId) throw new AppError("UNAUTHENTICATED", "not signed in");
  const now = input.now ?? new Date();
  const today = dateInZone(now);
  const db = await getDb();
  const mine = (await listCasesOfUser(db, input.staffUserId)).filter((r) => r.role === "caseworker");
  const meetings = await listMeetingsOfCases(
    db,
    mine.map((r) => r.case.id),
  );
  const out: DeadlineWorkList = { dueThisWeek: [], missed: [] };
  for (const { case: c } of mine) {
    const start = c.sickLeaveStart;
    // A closed case is on no work list.
    if (!start || c.state === "closed") continue;
    const { deadlines } = caseLawDeadlines({
      sickLeaveStart: start,
      country: (await organisationOfCase(c.id)).country,
      meetings: meetings.filter((m) => m.caseId === c.id),
      agreements: await loadCaseAgreements(c.id),
      now,
    });
    const due = deadlines.filter((d) => isDueWithinWeek(d, today));
    const missed = deadlines.filter(isMissed);
    if (due.length + missed.length === 0) continue;
    out.dueThisWeek.push(...due.map((deadline) => ({ caseId: c.id, employeeName: c.employeeName, deadline })));
    out.missed.push(...missed.map((deadline) => ({ caseId: c.id, employeeName: c.employeeName, deadline })));
    await recordAccessMerged({
      who: { kind: "staff", id: input.staffUserId, name: input.viewerName, role: "caseworker" },
      caseId: c.id,
      what: "case_list",
      resourceId: c.id,
      purpose: "case_management",
    });
  }
  const byDue = (a: WorkListItem, b: WorkListItem) => (a.deadline.due ?? "").localeCompare(b.deadline.due ?? "");
  out.dueThisWeek.sort(byDue);
  out.missed.sort(byDue);
  return out;
}
