import { getDb } from "@/db/client";
import { type CaseRow, insertCase, insertCaseWithCaseworker } from "@/db/queries/cases";
import { AppError } from "../errors";
import { isTrack, type Track } from "../plan/track";

export type CaseSummary = {
  id: string;
  employeeName: string;
  employer: string | null;
  track: Track;
  reference: string | null;
  sickLeaveStart: string | null;
  /** The caseworker participant created with the case, when one was. */
  caseworkerParticipantId?: string;
};

/**
 * Open a return-to-work case. No health information is asked for or stored here. With a
 * `caseworker`, the staff member who opens it becomes its caseworker participant (same
 * transaction), linked to their account, and its assigned caseworker.
 */
export async function createCase(input: {
  /** Whose case it is: the opening staff member's organisation. */
  organisationId: string;
  employeeName: string;
  employer?: string | null;
  track: Track;
  reference?: string | null;
  /** `YYYY-MM-DD` (validated by the caller's zod schema). */
  sickLeaveStart?: string | null;
  caseworker?: { userId: string; displayName: string; email?: string | null };
}): Promise<CaseSummary> {
  const employeeName = input.employeeName.trim();
  if (!employeeName || employeeName.length > 200) {
    throw new AppError("INVALID_INPUT", "employee name is required", { employeeName: "required" });
  }
  if (!isTrack(input.track)) throw new AppError("INVALID_INPUT", "unknown track", { track: "enum" });
  const values = {
    organisationId: input.organisationId,
    employeeName,
    employer: input.employer?.trim() || null,
    track: input.track,
    reference: input.reference?.trim() || null,
    sickLeaveStart: input.sickLeaveStart ?? null,
  };
  const db = await getDb();
  if (!input.caseworker) {
    const row = await insertCase(db, values);
    return summaryOf(row);
  }
  const displayName = input.caseworker.displayName.trim().slice(0, 120);
  if (!displayName) throw new AppError("INVALID_INPUT", "the caseworker needs a name", { displayName: "required" });
  const { case: row, caseworker } = await insertCaseWithCaseworker(db, {
    // The one who opens the case is its caseworker until a team lead hands it over.
    case: { ...values, createdBy: input.caseworker.userId, assignedCaseworkerId: input.caseworker.userId },
    caseworker: { displayName, email: input.caseworker.email ?? null, userId: input.caseworker.userId },
  });
  return { ...summaryOf(row), caseworkerParticipantId: caseworker.id };
}

function summaryOf(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    employeeName: row.employeeName,
    employer: row.employer,
    track: row.track,
    reference: row.reference,
    sickLeaveStart: row.sickLeaveStart,
  };
}
