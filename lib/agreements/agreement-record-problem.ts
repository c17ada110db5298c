import type { Me } from "../access/actor";
import { isAgreementAltered } from "./agreement-altered";
import { loadAgreementFor } from "./load-agreement";
import type { Problem } from "./verification-problem";

/**
 * Why a version's stored record no longer proves itself, or null when it does — for a page that
 * must choose between showing the agreement and saying it was altered before it renders anything.
 * Other errors (403, 404) are thrown as usual.
 */
export async function agreementRecordProblem(me: Me, agreementId: string): Promise<Problem | null> {
  try {
    await loadAgreementFor(me, agreementId, "view");
    return null;
  } catch (e) {
    if (isAgreementAltered(e)) return e.problem;
    throw e;
  }
}
