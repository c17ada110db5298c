import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { loadCaseAgreements } from "../agreements/case-agreements";
import { requireCaseStaff } from "../cases/require-case-staff";
import { AppError } from "../errors";
import { organisationOfCase } from "../organisations/organisation-of-case";
import { caseLawDeadlines, type CaseLawDeadlines } from "./case-law-deadlines";
import type { Actors } from "../access/actor";

/**
 * The law's deadlines of one case, for a staff member on it (the case page; shown with the case's
 * overview, whose access-log row covers it). FORBIDDEN / NOT_FOUND as requireCaseStaff answers.
 */
export async function getCaseDeadlines(input: { who: Actors; caseId: string; now?: Date }): Promise<CaseLawDeadlines> {
  await requireCaseStaff({ who: input.who, caseId: input.caseId });
  const db = await getDb();
  const c = await findCase(db, input.caseId);
  if (!c) throw new AppError("NOT_FOUND", "no such case");
  const [meetings, agreements] = await Promise.all([listMeetingsOfCases(db, [c.id]), loadCaseAgreements(c.id)]);
  const { country } = await organisationOfCase(c.id);
  return caseLawDeadlines({ sickLeaveStart: c.sickLeaveStart, country, meetings, agreements, now: input.now ?? new Date() });
}
