/**
 * How often a measure's next entry is asked for (the guide's second case: "a scale once a week").
 * A measure with no schedule is not reminded by e-mail; "what is due from me" still asks weekly.
 */
export const MEASURE_SCHEDULES = ["weekly", "biweekly"] as const;
export type MeasureSchedule = (typeof MEASURE_SCHEDULES)[number];

const DAYS: Record<MeasureSchedule, number> = { weekly: 7, biweekly: 14 };

export function isMeasureSchedule(v: unknown): v is MeasureSchedule {
  return typeof v === "string" && (MEASURE_SCHEDULES as readonly string[]).includes(v);
}

/** Days between two entries the schedule asks for. */
export function scheduleDays(schedule: MeasureSchedule): number {
  return DAYS[schedule];
}
