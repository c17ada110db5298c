import { arrayOf, check, nullable, num, str, strictObject, type Checked } from "./value-checks";

/**
 * The structured hours ramp: "10 hours a week for 2 weeks, then 15 for 2 weeks, then ordinary
 * hours". A start date, steps of hours for a number of weeks, and the ordinary hours the ramp ends
 * at. It is one JSON value in the shared document and is frozen with the agreement, compared week
 * by week with the hours recorded, and carried into the next version.
 */
export const RAMP_MAX_STEPS = 26;

const isoDate = str({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

export type RampStep = { hoursPerWeek: number; weeks: number };

export type HoursRamp = {
  startsOn: string | null;
  steps: RampStep[];
  /** The ordinary hours a week the ramp leads to (null: not said). */
  ordinaryHours: number | null;
};

const rampStep = strictObject<RampStep>({
  hoursPerWeek: num({ min: 0, max: 80 }),
  weeks: num({ int: true, min: 1, max: 52 }),
});

const hoursRamp = strictObject<HoursRamp>({
  startsOn: nullable(isoDate),
  steps: arrayOf(rampStep, RAMP_MAX_STEPS),
  ordinaryHours: nullable(num({ min: 0, max: 80 })),
});

export function checkHoursRamp(v: unknown): Checked<HoursRamp> {
  return check(hoursRamp, v);
}

export const EMPTY_RAMP: HoursRamp = { startsOn: null, steps: [], ordinaryHours: null };

/** A stored value read as a ramp; anything else reads as no ramp. */
export function readHoursRamp(v: unknown): HoursRamp {
  const checked = checkHoursRamp(v);
  return checked.ok ? checked.value : EMPTY_RAMP;
}

export function rampIsEmpty(r: HoursRamp): boolean {
  return r.steps.length === 0 && r.ordinaryHours === null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The ramp's weeks in order: week n (1-based) with the hours planned in it; the ordinary hours after the last step. */
export function rampSchedule(r: HoursRamp): { week: number; weekStart: string | null; hoursPerWeek: number }[] {
  const out: { week: number; weekStart: string | null; hoursPerWeek: number }[] = [];
  for (const step of r.steps) {
    for (let i = 0; i < step.weeks; i++) {
      const week = out.length + 1;
      out.push({ week, weekStart: r.startsOn ? addDays(r.startsOn, (week - 1) * 7) : null, hoursPerWeek: step.hoursPerWeek });
    }
  }
  return out;
}

/**
 * The hours planned for the week that holds `date`: the step's hours while the ramp runs, the
 * ordinary hours after it, null before it starts or without a start date.
 */
export function plannedHoursOn(r: HoursRamp, date: string): number | null {
  if (!r.startsOn) return null;
  const days = daysBetween(r.startsOn, date);
  if (days < 0) return null;
  const week = Math.floor(days / 7);
  const schedule = rampSchedule(r);
  return schedule[week]?.hoursPerWeek ?? r.ordinaryHours;
}

/** When the ramp reaches ordinary hours (the day after its last step), or null without a start. */
export function rampEndsOn(r: HoursRamp): string | null {
  if (!r.startsOn) return null;
  return addDays(r.startsOn, rampSchedule(r).length * 7);
}
