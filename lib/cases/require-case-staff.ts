import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import type { Actors } from "../access/actor";
import { resolveAccess } from "../access/resolve-access";
import { AppError } from "../errors";
import { assertCan, type Action, type Resource } from "../permissions";
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
  /** The staff account acting: the staff member's own, or — for a system — the case's caseworker's. */
  staffUserId: string;
  /** The staff member's own participant on the case (their role decides what they may do). */
  me: { participantId: string; role: Role; displayName: string };
  case: CaseSummary;
};

/**
 * Who → may this staff member do `action` on `resource` of this case? Asked of the one resolver
 * (lib/access/resolve-access.ts) with the request's staff member or the organisation's system —
 * a join link's session does not manage a case: only as a participant of the case (normally its
 * caseworker). A case they are not on answers FORBIDDEN (so does a staff role that works no
 * cases), an unknown id or one of another organisation NOT_FOUND, no staff session
 * UNAUTHENTICATED, and anything but "view" on a closed case CONFLICT.
 */
export async function requireCaseStaff(
  input: { who: Actors; caseId: string },
  need: { action: Action; resource: Resource } = { action: "view", resource: "case" },
): Promise<CaseAccess> {
  const { staff, system = null } = input.who;
  if (!staff && !system) throw new AppError("UNAUTHENTICATED", "not signed in");
  const { me } = await resolveAccess({ participant: null, staff, system }, { caseId: input.caseId });
  // Set for a staff member and for a system (its caseworker); the resolver answers for no one else here.
  if (!me.userId) throw new AppError("FORBIDDEN", "no staff account acts on this case");
  const c = await findCase(await getDb(), me.caseId);
  if (!c) throw new AppError("NOT_FOUND", "no such case");
  assertCan(me.role, need.action, need.resource);
  // A closed case is read-only: anything but looking at it waits until it is reopened.
  if (need.action !== "view" && c.state === "closed") throw caseClosedError();
  return {
    staffUserId: me.userId,
    me: { participantId: me.participantId, role: me.role, displayName: me.displayName },
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
