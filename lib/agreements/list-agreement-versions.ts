import { getDb } from "@/db/client";
import { listAgreementsOfCase } from "@/db/queries/agreements";
import type { Me } from "../access/actor";
import { assertCan } from "../permissions";
import { versionState, type VersionState } from "./agreement-state";
import { proveRows } from "./prove-versions";

export type AgreementVersionSummary = {
  id: string;
  version: number;
  state: VersionState;
  fingerprint: string;
  preparedAt: string;
  sealedAt: string | null;
  reason: string | null;
  meetingId: string | null;
  /** Its stored record no longer proves itself (lib/agreements/verify-stored-agreement.ts): opening it shows "altered". */
  altered: boolean;
};

/**
 * Every version of the participant's case, oldest first; the binding one has state "binding".
 * `me` is the caller's own participant on the case (from their session, never from input): a
 * page that already has it, such as the staff case page, passes `{ caseId, role }`. A version whose
 * stored record was altered is listed as such, and counts for no other version's state (a forged
 * newer row cannot "replace" the binding one).
 */
export async function listAgreementVersions(input: { me: Pick<Me, "caseId" | "role"> }): Promise<AgreementVersionSummary[]> {
  assertCan(input.me.role, "view", "agreement");
  const proven = proveRows(await listAgreementsOfCase(await getDb(), input.me.caseId));
  const intact = proven.filter((p) => p.problem === null).map((p) => p.row);
  return proven.map(({ row: r, problem }) => ({
    id: r.id,
    version: r.version,
    state: versionState(r, problem ? [...intact, r] : intact),
    fingerprint: r.fingerprint,
    preparedAt: r.createdAt.toISOString(),
    sealedAt: r.sealedAt?.toISOString() ?? null,
    reason: r.reason,
    meetingId: r.meetingId,
    altered: problem !== null,
  }));
}
