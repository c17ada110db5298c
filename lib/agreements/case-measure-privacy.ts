import { getDb } from "@/db/client";
import { listMeasurePrivacyOfCase } from "@/db/queries/measure-privacy";
import type { CaseAgreement } from "./case-agreements";
import { loadCaseAgreements } from "./case-agreements";
import type { MeasureLike } from "../plan/measure-range";
import { measurePrivacy, type MeasurePrivacy } from "../privacy/measure-privacy";

export type PrivacyOf = (subGoalId: string) => MeasurePrivacy;

/**
 * The privacy of every measure of a case: the choices made (measure_privacy), else each
 * measure's newest label across the case's agreement versions. Callers have authorised the reader
 * for the case. Pass the agreements when already loaded.
 */
export async function caseMeasurePrivacy(caseId: string, agreements?: readonly CaseAgreement[]): Promise<PrivacyOf> {
  const [versions, rows] = await Promise.all([
    agreements ? Promise.resolve(agreements) : loadCaseAgreements(caseId),
    listMeasurePrivacyOfCase(await getDb(), caseId),
  ]);
  const measures = new Map<string, MeasureLike>();
  for (const a of versions) for (const g of a.content.plan.subGoals) measures.set(g.id, g.measure);
  const choices = new Map(rows.map((r) => [r.subGoalId, { health: r.health, shared: r.shared }]));
  return (subGoalId) => measurePrivacy(measures.get(subGoalId) ?? null, choices.get(subGoalId));
}
