import { getDb } from "@/db/client";
import { listAgreementsOfCase } from "@/db/queries/agreements";
import { bindingVersionId, versionState, type VersionState } from "./agreement-state";
import { intactRows } from "./prove-versions";
import { readAgreementContent, type AgreementContent } from "./agreement-content";

export type CaseAgreement = {
  id: string;
  version: number;
  state: VersionState;
  fingerprint: string;
  preparedAt: Date;
  sealedAt: Date | null;
  reason: string | null;
  meetingId: string | null;
  content: AgreementContent;
};

/**
 * Every agreement version of a case, oldest first, with its frozen content decoded. Callers have
 * authorised the reader for the case already; this only reads. A version whose stored record was
 * altered (its bytes or its seal do not verify) is left out: follow-up never builds on it.
 */
export async function loadCaseAgreements(caseId: string): Promise<CaseAgreement[]> {
  const rows = intactRows(await listAgreementsOfCase(await getDb(), caseId));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    state: versionState(r, rows),
    fingerprint: r.fingerprint,
    preparedAt: r.createdAt,
    sealedAt: r.sealedAt,
    reason: r.reason,
    meetingId: r.meetingId,
    content: readAgreementContent(r.canonical),
  }));
}

/** The version that binds now (the newest sealed one), or null. */
export function bindingOf(list: readonly CaseAgreement[]): CaseAgreement | null {
  const id = bindingVersionId(list);
  return list.find((a) => a.id === id) ?? null;
}

/** The sealed versions, oldest first: the history of what was agreed. */
export function sealedOf(list: readonly CaseAgreement[]): CaseAgreement[] {
  return list.filter((a) => a.sealedAt !== null);
}
