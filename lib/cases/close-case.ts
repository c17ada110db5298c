import { getDb } from "@/db/client";
import { closeCaseRow } from "@/db/queries/case-events";
import { caseClosedError } from "../access/assert-case-open";
import { publishCaseClosed } from "../access/revocation-bus";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { assertCan } from "../permissions";
import { dateInZone } from "../time/zoned";
import { ZCloseCase, type CaseOutcome } from "./case-lifecycle-input";
import { requireCaseStaff } from "./require-case-staff";
import type { Actors } from "../access/actor";

/**
 * The caseworker closes the case with its outcome and the day it ended (today or earlier). From
 * then on the case is read-only everywhere: every change is refused with 409 (`case: "closed"`)
 * until it is reopened, and its rooms — each meeting's and the private preparation — turn
 * read-only for open sockets at once (the revocation bus; the socket server's re-check catches a
 * lost message). Closing a closed case answers 409 too. The close is kept in the case's history.
 */
export async function closeCase(input: {
  who: Actors;
  caseId: string;
  raw: unknown;
  now?: Date;
}): Promise<{ caseId: string; outcome: CaseOutcome; closedOn: string }> {
  // Looked at first ("view"), so a closed case answers "closed", not a generic refusal.
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "view", resource: "case" });
  assertCan(access.me.role, "manage", "case");
  const parsed = ZCloseCase.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const now = input.now ?? new Date();
  if (parsed.data.date > dateInZone(now))
    throw new AppError("INVALID_INPUT", "the case cannot end in the future", { date: "dateInFuture" });
  if (access.case.state === "closed") throw caseClosedError();
  const row = await closeCaseRow(await getDb(), {
    caseId: access.case.id,
    outcome: parsed.data.outcome,
    closedOn: parsed.data.date,
    byUserId: access.staffUserId,
    at: now,
  });
  // Someone closed it in the meantime.
  if (!row) throw caseClosedError();
  await publishCaseClosed(row.id);
  return { caseId: row.id, outcome: parsed.data.outcome, closedOn: parsed.data.date };
}
