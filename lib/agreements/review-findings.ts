import { getDb } from "@/db/client";
import { listProgressOfCase } from "@/db/queries/followup";
import type { ReviewView } from "../collab/review";
import { caseMeasurePrivacy } from "./case-measure-privacy";
import type { FrozenReview } from "./frozen-document";

/**
 * What the review found, as it goes into the next agreement: each item's outcome and comment, and
 * for a sub-goal the progress recorded by then (how many entries, the latest value). Called while
 * an agreement version is being prepared, by a chair already authorised for the case.
 *
 * A health measure the employee has not shared (lib/privacy/measure-privacy.ts) freezes no
 * numbers at all, only that it is kept private: every signer, the manager too, reads and exports
 * the agreement.
 */
export async function reviewFindings(caseId: string, review: ReviewView): Promise<FrozenReview> {
  const [entries, privacyOf] = await Promise.all([listProgressOfCase(await getDb(), caseId), caseMeasurePrivacy(caseId)]);
  return {
    basis: review.basis,
    items: review.items.map((it) => {
      const base = { kind: it.kind, refId: it.refId, text: it.text, outcome: it.outcome, comment: it.comment.trim() };
      if (it.kind !== "subGoal") return base;
      const p = privacyOf(it.refId);
      if (p.health && !p.shared) return { ...base, progressPrivate: true };
      const mine = entries.filter((e) => e.subGoalId === it.refId);
      const latest = mine.at(-1);
      return { ...base, progress: { entries: mine.length, latest: latest ? { date: latest.measuredOn, value: latest.value } : null } };
    }),
  };
}
