import type { Me } from "../access/actor";
import { recordAccessMerged } from "./record-access-merged";

/**
 * Where an agreement version stands (who signed or declined, and why) was shown — polled every few
 * seconds by the agreement page, so recorded once per viewer and version per window (12.7).
 */
export async function recordAgreementStatusShown(
  me: Pick<Me, "caseId" | "participantId" | "displayName" | "role">,
  agreementId: string,
): Promise<void> {
  await recordAccessMerged({
    who: { kind: "participant", id: me.participantId, name: me.displayName, role: me.role },
    caseId: me.caseId,
    what: "agreement_status",
    resourceId: agreementId,
    purpose: "agreement",
  });
}
