import type { z } from "zod";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { addParticipant } from "../cases/add-participant";
import { createCase } from "../cases/create-case";
import { AppError } from "../errors";
import type { ApiCaller } from "./api-caller";
import type { ZApiNewCase } from "./contract";

/**
 * `POST /api/v1/cases`: the organisation's system (or a staff member) opens a case for one of
 * its caseworkers, named by e-mail. The caseworker becomes the case's first participant, as when
 * they open it themselves (lib/cases/create-case.ts); with an `employeeEmail` the employee is
 * added too (invited by link once a meeting is scheduled). A caseworker opens cases for
 * themselves only; a team lead, or a system, for any caseworker of their organisation.
 */
export async function createCaseByApi(input: { caller: ApiCaller; body: z.output<typeof ZApiNewCase> }): Promise<{ caseId: string }> {
  const { caller, body } = input;
  const user = await findUserByEmail(await getDb(), body.caseworkerEmail);
  // Someone outside the organisation, deactivated or no caseworker is "unknown" too: no other
  // organisation's staff leaks, and an administrator (who sees no case content) takes no case.
  if (!user?.staffRole || !CASEWORKING.has(user.staffRole) || user.deactivatedAt || user.organisationId !== caller.organisationId) {
    throw new AppError("INVALID_INPUT", "no caseworker of this organisation has that e-mail address", {
      caseworkerEmail: "unknownCaseworker",
    });
  }
  if (caller.kind === "staff" && caller.userId !== user.id && !caller.roles.includes("team_lead")) {
    throw new AppError("FORBIDDEN", "a caseworker opens cases for themselves only");
  }
  const created = await createCase({
    organisationId: caller.organisationId,
    employeeName: body.employeeName,
    employer: body.employerName || null,
    track: body.track,
    reference: body.reference ?? null,
    sickLeaveStart: body.sickLeaveStart ?? null,
    caseworker: { userId: user.id, displayName: user.name ?? user.email ?? user.id, email: user.email },
  });
  if (body.employeeEmail) {
    await addParticipant({ caseId: created.id, role: "employee", displayName: body.employeeName, email: body.employeeEmail });
  }
  return { caseId: created.id };
}

/** The staff roles that hold cases (an administrator manages staff and tokens, not cases). */
const CASEWORKING = new Set(["caseworker", "team_lead"]);
