import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { findParticipantOfUserOnCase } from "@/db/queries/participants";
import { findUserById } from "@/db/queries/users";
import { AppError } from "../errors";
import { isUuid } from "../collab/doc-names";
import { assertCan, staffCan, type Action, type Resource } from "../permissions";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";
import type { CaseOutcome, CaseState } from "./case-lifecycle-input";
import { caseClosedError } from "../access/assert-case-open";

export type CaseSummary = {
  id: string;
  employeeName: string;
  employer: string | null;
  track: Track;
  createdAt: Date;
  reference: string | null;
  sickLeaveStart: string | null;
  assignedCaseworkerId: string | null;
  state: CaseState;
  outcome: CaseOutcome | null;
  closedOn: string | null;
};

export type CaseAccess = {
  staffUserId: string;
  /** The staff member's own participant on the case (their role decides what they may do). */
  me: { participantId: string; role: Role; displayName: string };
  case: CaseSummary;
};

/**
 * Who → may this staff member do `action` on `resource` of this case? Only as a participant of
 * the case (normally its caseworker): a case they are not on answers FORBIDDEN, an unknown id
 * NOT_FOUND, no staff session UNAUTHENTICATED, and anything but "view" on a closed case CONFLICT.
 */
export async function requireCaseStaff(
  input: { staffUserId: string | null | undefined; caseId: string },
  need: { action: Action; resource: Resource } = { action: "view", resource: "case" },
): Promise<CaseAccess> {
  if (!input.staffUserId) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isUuid(input.caseId)) throw new AppError("NOT_FOUND", "no such case");
  const db = await getDb();
  // An administrator works no cases: no case content, even on a case they were once on.
  const user = await findUserById(db, input.staffUserId);
  if (!user?.staffRole || !staffCan([user.staffRole], "work_cases")) throw new AppError("FORBIDDEN", "this staff role works no cases");
  const c = await findCase(db, input.caseId);
  if (!c) throw new AppError("NOT_FOUND", "no such case");
  const p = await findParticipantOfUserOnCase(db, c.id, input.staffUserId);
  if (!p) throw new AppError("FORBIDDEN", "not on this case");
  assertCan(p.role, need.action, need.resource);
  // A closed case is read-only: anything but looking at it waits until it is reopened.
  if (need.action !== "view" && c.state === "closed") throw caseClosedError();
  return {
    staffUserId: input.staffUserId,
    me: { participantId: p.id, role: p.role, displayName: p.displayName },
    case: {
      id: c.id,
      employeeName: c.employeeName,
      employer: c.employer,
      track: c.track,
      createdAt: c.createdAt,
      reference: c.reference,
      sickLeaveStart: c.sickLeaveStart,
      assignedCaseworkerId: c.assignedCaseworkerId,
      state: c.state,
      outcome: c.outcome,
      closedOn: c.closedOn,
    },
  };
}
