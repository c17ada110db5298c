import type { AgreementRow } from "@/db/queries/agreements";
import { serverKeyLookup } from "./stored-events";
import { describeProblem, type Problem } from "./verification-problem";
import { storedRowProblem, type KeyLookup } from "./verify-stored-agreement";
import { logger } from "../log/logger";

const log = logger("agreements");

export type ProvenRow = { row: AgreementRow; problem: Problem | null };

const reported = new Set<string>();

/**
 * Each version row with what is wrong with it, if anything (storedRowProblem: its bytes, and its
 * seal when sealed). For lists and follow-up, which read rows without their events: a version
 * whose record was altered is never taken as binding, never carried into the next meeting.
 * Reported once per process in the log, for the operator.
 */
export function proveRows(rows: readonly AgreementRow[], keyOf: KeyLookup = serverKeyLookup()): ProvenRow[] {
  return rows.map((row) => {
    const problem = storedRowProblem(row, keyOf);
    if (problem && !reported.has(row.id)) {
      reported.add(row.id);
      log.error("the stored record of an agreement was altered", {
        agreementId: row.id,
        caseId: row.caseId,
        version: row.version,
        problem: describeProblem(problem),
      });
    }
    return { row, problem };
  });
}

/** Only the versions whose stored record holds. */
export function intactRows(rows: readonly AgreementRow[], keyOf?: KeyLookup): AgreementRow[] {
  return proveRows(rows, keyOf)
    .filter((r) => r.problem === null)
    .map((r) => r.row);
}
