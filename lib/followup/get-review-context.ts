import { recordAccess } from "../audit/record-access";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { assertCan } from "../permissions";
import { agreedMeasures } from "../progress/agreed-measures";
import { listCaseProgress } from "../progress/list-case-progress";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import { mayViewValues } from "../privacy/measure-privacy";
import { measureSeries, type MeasureSeries } from "../progress/measure-series";
import { bindingOf, loadCaseAgreements, sealedOf } from "../agreements/case-agreements";
import type { PlanSnapshot } from "./plan-diff";

export type ReviewContext = {
  basis: { id: string; version: number; fingerprint: string; sealedAt: string; snapshot: PlanSnapshot };
  /**
   * Every sub-goal of the basis agreement with what was recorded since, and whether it is on
   * track. `private`: a health measure whose values the reader may not see (no entries, no status).
   */
  measures: (MeasureSeries & { private: boolean })[];
  /**
   * The version that binds now, when it is newer than the basis: this meeting was scheduled (and
   * its room filled) before it was bound. The room says plainly which version it reviews and
   * offers to switch (switch-review-basis.ts). Null when the basis binds.
   */
  newer: { id: string; version: number; fingerprint: string; sealedAt: string; snapshot: PlanSnapshot } | null;
};

/**
 * What the room needs beside the shared document to review the last agreement: the basis
 * version's plan as agreed (so the room can say what has changed since, live) and the progress
 * recorded for each of its sub-goals. For any participant of the meeting's case; the basis must
 * be a sealed version of that case (another case's: FORBIDDEN, unknown: NOT_FOUND). Progress can be
 * health data (pain, notes): each reading writes an access-log row before it is returned (12.7).
 */
export async function getReviewContext(input: {
  me: Pick<Me, "caseId" | "participantId" | "role" | "displayName">;
  agreementId: string;
}): Promise<ReviewContext> {
  assertCan(input.me.role, "view", "progress");
  if (!isUuid(input.agreementId)) throw new AppError("NOT_FOUND", "no such agreement");
  const agreements = await loadCaseAgreements(input.me.caseId);
  const basis = agreements.find((a) => a.id === input.agreementId);
  if (!basis) throw new AppError("NOT_FOUND", "no such agreement in this case");
  if (!basis.sealedAt) throw new AppError("CONFLICT", "the basis of a review is a binding version");
  const privacyOf = await caseMeasurePrivacy(input.me.caseId, agreements);
  const progress = await listCaseProgress({ me: input.me, privacy: privacyOf });
  const versions = sealedOf(agreements).map((a) => ({ version: a.version, content: a.content }));
  const { plan, actions, followUp } = basis.content;
  const { me } = input;
  await recordAccess({
    who: { kind: "participant", id: me.participantId, name: me.displayName, role: me.role },
    caseId: me.caseId,
    what: "meeting_review",
    resourceId: basis.id,
    purpose: "meeting",
  });
  const binding = bindingOf(agreements);
  const newer =
    binding && binding.version > basis.version && binding.sealedAt
      ? {
          id: binding.id,
          version: binding.version,
          fingerprint: binding.fingerprint,
          sealedAt: binding.sealedAt.toISOString(),
          snapshot: { plan: binding.content.plan, actions: binding.content.actions, followUp: binding.content.followUp },
        }
      : null;
  return {
    newer,
    basis: {
      id: basis.id,
      version: basis.version,
      fingerprint: basis.fingerprint,
      sealedAt: basis.sealedAt.toISOString(),
      snapshot: { plan, actions, followUp },
    },
    measures: agreedMeasures(basis.content).map((m) => {
      const hidden = !mayViewValues(input.me.role, privacyOf(m.subGoalId));
      return { ...measureSeries(m, hidden ? [] : progress, versions), private: hidden };
    }),
  };
}
