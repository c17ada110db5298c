import type { z } from "zod";
import { getDb } from "@/db/client";
import { findOrganisation } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import { handOverCase } from "../cases/hand-over-case";
import { isTeamLead } from "../cases/is-team-lead";
import { AppError, isAppError } from "../errors";
import type { ApiCaller } from "./api-caller";
import type { ZApiAssignCase, ZApiAssigned } from "./contract";

/**
 * `POST /api/v1/cases/<id>/assign`: a team lead hands a case to another caseworker, named by
 * e-mail — the team view's own hand-over (lib/cases/hand-over-case.ts: the old caseworker loses
 * access, the employee is told, a closed case is 409, another organisation's case 404).
 *
 * Only a team lead's own staff session: a caseworker gets 403, and so does a system's token —
 * who works a case is the team lead's decision, recorded under their name, not a system's.
 */
export async function assignCaseByApi(input: {
  caller: ApiCaller;
  caseId: string;
  body: z.output<typeof ZApiAssignCase>;
  now: Date;
}): Promise<z.output<typeof ZApiAssigned>> {
  const { caller } = input;
  if (caller.kind !== "staff" || !isTeamLead(caller)) throw new AppError("FORBIDDEN", "only a team lead hands cases over");
  const db = await getDb();
  const to = await findUserByEmail(db, input.body.caseworkerEmail);
  // The employee's letter is in the organisation's language (the case is the caller's organisation's, or 404).
  const locale = (await findOrganisation(db, caller.organisationId))?.country === "NO" ? "nb" : "da";
  try {
    // An address of nobody goes through the same checks as one of somebody who may not take the
    // case, so the answer (a field error, after 404 and 409) does not tell them apart.
    const done = await handOverCase({
      actor: caller,
      caseId: input.caseId,
      raw: { toUserId: to?.id ?? "unknown" },
      locale,
      now: input.now,
    });
    return { caseId: done.caseId, caseworkerEmail: to!.email! };
  } catch (e) {
    if (isAppError(e) && e.details?.toUserId) {
      throw new AppError(e.code, e.message, {
        caseworkerEmail: e.details.toUserId === "notCaseworker" ? "unknownCaseworker" : e.details.toUserId,
      });
    }
    throw e;
  }
}
