import { getDb } from "@/db/client";
import { findCase } from "@/db/queries/cases";
import { AppError } from "../errors";

/** The typed refusal of any change to a closed case: 409, with the field code the forms show. */
export function caseClosedError(): AppError {
  return new AppError("CONFLICT", "the case is closed; reopen it to change anything", { case: "closed" });
}

/**
 * A closed case is read-only everywhere until it is reopened: every use-case that changes a case
 * (its people, meetings, agreements, progress, answers) asks this after it has authorised, so the
 * person learns "closed" only about a case they may see. An unknown case is left to the caller.
 */
export async function assertCaseOpen(caseId: string): Promise<void> {
  const c = await findCase(await getDb(), caseId);
  if (c?.state === "closed") throw caseClosedError();
}
