import { getDb } from "@/db/client";
import { reopenCaseRow } from "@/db/queries/case-events";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { assertCan } from "../permissions";
import { ZReopenCase } from "./case-lifecycle-input";
import { requireCaseStaff } from "./require-case-staff";
import type { Actors } from "../access/actor";

/**
 * The caseworker reopens a closed case, saying why (the reason is kept in the case's history
 * beside the close it undoes). The outcome and date are cleared; the case takes changes again and
 * its rooms are writable for anyone who opens them from now on. Reopening an open case answers 409.
 */
export async function reopenCase(input: { who: Actors; caseId: string; raw: unknown; now?: Date }): Promise<{ caseId: string }> {
  // "view" first: a closed case refuses "manage" as such (require-case-staff.ts).
  const access = await requireCaseStaff({ who: input.who, caseId: input.caseId }, { action: "view", resource: "case" });
  assertCan(access.me.role, "manage", "case");
  const parsed = ZReopenCase.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await reopenCaseRow(await getDb(), {
    caseId: access.case.id,
    reason: parsed.data.reason,
    byUserId: access.staffUserId,
    at: input.now ?? new Date(),
  });
  if (!row) throw new AppError("CONFLICT", "the case is open", { case: "open" });
  return { caseId: row.id };
}
