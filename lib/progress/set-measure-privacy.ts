import { z } from "zod";
import { getDb } from "@/db/client";
import { saveMeasurePrivacy } from "@/db/queries/measure-privacy";
import { invalidInput } from "../input-errors";
import { AppError } from "../errors";
import { loadCaseAgreements } from "../agreements/case-agreements";
import type { Me } from "../access/actor";
import { can } from "../permissions";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import type { MeasurePrivacy } from "../privacy/measure-privacy";
import { assertCaseOpen } from "../access/assert-case-open";

export const ZMeasurePrivacyInput = z.object({
  subGoalId: z.string({ message: "required" }).trim().min(1, "required").max(100, "unknown"),
  health: z.boolean({ message: "required" }),
  shared: z.boolean({ message: "required" }),
});

/**
 * Is this measure about the employee's health, and are its values shared with the others on the
 * case? The employee decides (`health_progress: manage`) and can change it at any time. The
 * caseworker may only make a measure more private — mark it as about health, unshared — never
 * share it or un-mark it: that is the employee's to give. Everyone else: FORBIDDEN. The measure
 * must be a sub-goal of one of the case's agreement versions.
 */
export async function setMeasurePrivacy(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  raw: unknown;
  now?: Date;
}): Promise<MeasurePrivacy> {
  const { me } = input;
  const decides = can(me.role, "manage", "health_progress");
  if (!decides && !can(me.role, "write", "health_progress"))
    throw new AppError("FORBIDDEN", "only the employee decides about their health measures");
  const parsed = ZMeasurePrivacyInput.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const v = parsed.data;
  const shared = v.health && v.shared;

  await assertCaseOpen(me.caseId);
  const agreements = await loadCaseAgreements(me.caseId);
  if (!agreements.some((a) => a.content.plan.subGoals.some((g) => g.id === v.subGoalId))) {
    throw new AppError("NOT_FOUND", "That sub-goal is not in any agreement of this case", { subGoalId: "unknown" });
  }
  if (!decides) {
    const now = (await caseMeasurePrivacy(me.caseId, agreements))(v.subGoalId);
    const morePrivate = v.health && !shared;
    const unchanged = v.health === now.health && shared === now.shared;
    if (!morePrivate && !unchanged)
      throw new AppError("FORBIDDEN", "only the employee may share a health measure or say it is not about health", {
        health: "employeeOnly",
      });
  }
  const row = await saveMeasurePrivacy(await getDb(), {
    caseId: me.caseId,
    subGoalId: v.subGoalId,
    health: v.health,
    shared,
    setBy: me.participantId,
    at: input.now ?? new Date(),
  });
  return { health: row.health, shared: row.shared, chosen: true };
}
