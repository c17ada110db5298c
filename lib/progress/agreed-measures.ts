import type { AgreementContent } from "../agreements/agreement-content";
import { isHoursMeasure, measureRange, type MeasureRange } from "../plan/measure-range";

export type AgreedMeasure = {
  subGoalId: string;
  subGoalText: string;
  due: string | null;
  label: string;
  unit: string;
  from: number | null;
  target: number | null;
  /** Null: the sub-goal has no numbers to measure against, so nothing can be recorded. */
  range: MeasureRange | null;
  isHours: boolean;
};

/** The measures of an agreement's sub-goals, as agreed (the frozen plain data). */
export function agreedMeasures(content: AgreementContent): AgreedMeasure[] {
  return content.plan.subGoals.map((g) => ({
    subGoalId: g.id,
    subGoalText: g.text,
    due: g.due,
    label: g.measure.label,
    unit: g.measure.unit,
    from: g.measure.from,
    target: g.measure.target,
    range: measureRange(g.measure),
    isHours: isHoursMeasure(g.measure),
  }));
}
