import { addDays } from "../time/zoned";
import { plannedHoursOn, rampEndsOn, type HoursRamp } from "../plan/hours-ramp";
import type { RampWeek } from "./measure-series";

/**
 * The agreed hours ramp week by week against the hours recorded: the week's planned hours come
 * from the ramp's steps ("10 for 2 weeks, then 15 …", then the ordinary hours), the recorded hours
 * are the last entry of the week. Weeks run from the ramp's start to its end (or next week, if
 * that is sooner), so a week nobody recorded shows as a gap. Null when the ramp has no start or
 * no steps: then the sub-goal's plan line is the plan (measure-series.ts rampWeeks).
 */
export function rampScheduleWeeks(
  ramp: HoursRamp | undefined,
  entries: readonly { date: string; value: number }[],
  today: string,
): RampWeek[] | null {
  if (!ramp?.startsOn || ramp.steps.length === 0) return null;
  const rampEnd = rampEndsOn(ramp)!;
  const end = [addDays(rampEnd, 6), addDays(today, 7)].sort()[0]!;
  const out: RampWeek[] = [];
  for (let week = ramp.startsOn; week <= end && out.length < 60; week = addDays(week, 7)) {
    const inWeek = entries.filter((e) => e.date >= week && e.date < addDays(week, 7));
    out.push({ weekStart: week, planned: plannedHoursOn(ramp, week), recorded: inWeek.at(-1)?.value ?? null });
  }
  return out;
}
