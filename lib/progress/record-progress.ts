import { getDb } from "@/db/client";
import { insertProgressEntry } from "@/db/queries/progress-entries";
import { invalidInput } from "../input-errors";
import { AppError } from "../errors";
import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import type { Me } from "../access/actor";
import { can } from "../permissions";
import { caseMeasurePrivacy } from "../agreements/case-measure-privacy";
import { mayRecordValue } from "../privacy/measure-privacy";
import { addDays, dateInZone } from "../time/zoned";
import { agreedMeasures } from "./agreed-measures";
import { ZProgressInput } from "./progress-input";
import { assertCaseOpen } from "../access/assert-case-open";

/** How far back an entry may be dated: a forgotten week is fine, last year's value is a typo. */
export const MAX_AGE_DAYS = 366;

export type RecordedProgress = { id: string; subGoalId: string; date: string; value: number; note: string | null };

/**
 * The employee or the manager records a value of one sub-goal's measure of the binding
 * agreement — a health measure only the employee or the caseworker (lib/privacy/measure-privacy.ts): validated (a real date, not in the future, not more than a year back; a number
 * within the measure's range — see measure-range.ts) and refused with a field code otherwise
 * (`{ value: "range" }` …), so the form can say what to fix and keep what was typed.
 */
export async function recordProgress(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  raw: unknown;
  now?: Date;
}): Promise<RecordedProgress> {
  const { me } = input;
  if (!can(me.role, "write", "progress") && !can(me.role, "write", "health_progress"))
    throw new AppError("FORBIDDEN", `${me.role} may not record progress`);
  await assertCaseOpen(me.caseId);
  const parsed = ZProgressInput.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error, "the progress entry needs another look");
  const v = parsed.data;

  const agreements = await loadCaseAgreements(me.caseId);
  const binding = bindingOf(agreements);
  if (!binding)
    throw new AppError("CONFLICT", "There is no binding agreement to measure progress against yet", { subGoalId: "noAgreement" });
  const measure = agreedMeasures(binding.content).find((m) => m.subGoalId === v.subGoalId);
  if (!measure) throw new AppError("INVALID_INPUT", "That sub-goal is not in the binding agreement", { subGoalId: "unknown" });
  if (!mayRecordValue(me.role, (await caseMeasurePrivacy(me.caseId, agreements))(measure.subGoalId))) {
    throw new AppError("FORBIDDEN", "Only the employee and the caseworker record a health measure", { subGoalId: "health" });
  }
  if (!measure.range) throw new AppError("INVALID_INPUT", "That sub-goal has no measure with numbers", { subGoalId: "noMeasure" });

  const today = dateInZone(input.now ?? new Date());
  if (v.date > today) throw new AppError("INVALID_INPUT", "The date is in the future", { date: "future" });
  if (v.date < addDays(today, -MAX_AGE_DAYS)) throw new AppError("INVALID_INPUT", "The date is more than a year ago", { date: "tooOld" });
  const { min, max } = measure.range;
  if (v.value < min || v.value > max) throw new AppError("INVALID_INPUT", `The value must be from ${min} to ${max}`, { value: "range" });

  const row = await insertProgressEntry(await getDb(), {
    caseId: me.caseId,
    subGoalId: v.subGoalId,
    agreementId: binding.id,
    measuredOn: v.date,
    value: v.value,
    note: v.note,
    recordedBy: me.participantId,
    ...(input.now ? { createdAt: input.now } : {}),
  });
  return { id: row.id, subGoalId: row.subGoalId, date: row.measuredOn, value: row.value, note: row.note };
}
