import { getDb } from "@/db/client";
import { listAgreementsOfCase } from "@/db/queries/agreements";
import type { Me } from "../meetings/require-meeting-participant";
import { assertCan } from "../permissions";
import { versionState, type VersionState } from "./agreement-state";

export type AgreementVersionSummary = {
  id: string;
  version: number;
  state: VersionState;
  fingerprint: string;
  preparedAt: string;
  sealedAt: string | null;
  reason: string | null;
  meetingId: string | null;
};

/**
 * Every version of the participant's case, oldest first; the binding one has state "binding".
 * `me` is the caller's own participant on the case (from their session, never from input): a
 * page that already has it, such as the staff case page, passes `{ caseId, role }`.
 */
export async function listAgreementVersions(input: { me: Pick<Me, "caseId" | "role"> }): Promise<AgreementVersionSummary[]> {
  assertCan(input.me.role, "view", "agreement");
  const rows = await listAgreementsOfCase(await getDb(), input.me.caseId);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    state: versionState(r, rows),
    fingerprint: r.fingerprint,
    preparedAt: r.createdAt.toISOString(),
    sealedAt: r.sealedAt?.toISOString() ?? null,
    reason: r.reason,
    meetingId: r.meetingId,
  }));
}
