import { accessActorOf } from "./access-actor-of";
import type { Me } from "../access/actor";
import { recordAccessMerged } from "./record-access-merged";

/**
 * The list of a case's agreement versions (numbers, states, the reasons for amending) was shown —
 * by its page, or polled by the room and the agreement page: once per viewer per window (12.7).
 */
export async function recordAgreementVersionsShown(
  me: Pick<Me, "caseId" | "participantId" | "displayName" | "role"> & { actor?: Me["actor"] },
): Promise<void> {
  await recordAccessMerged({
    who: accessActorOf(me),
    caseId: me.caseId,
    what: "agreement_versions",
    resourceId: me.caseId,
    purpose: "agreement",
  });
}
