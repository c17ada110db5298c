import type { AgreementContent } from "../agreements/agreement-content";
import { addDays, dateInZone } from "../time/zoned";
import type { AgreedMeasure } from "./agreed-measures";
import type { ProgressEntry } from "./list-case-progress";

/**
 * One measure over time, for the chart, its table and the review: what was recorded, what each
 * agreement planned (a straight line from the agreed start value on the day it was agreed to the
 * target on the sub-goal's date), and whether the latest value is on track.
 */
export type PlannedSegment = { version: number; startDate: string; startValue: number; endDate: string; endValue: number };

export type MeasureStatus = {
  /** none: nothing recorded; reached: at or past the target; on_track / behind: against the plan; recorded: no plan to compare with. */
  kind: "none" | "reached" | "on_track" | "behind" | "recorded";
  latest: ProgressEntry | null;
  /** The planned value on the latest entry's day, when there is a plan. */
  expected: number | null;
};

export type MeasureSeries = AgreedMeasure & { entries: ProgressEntry[]; planned: PlannedSegment[]; status: MeasureStatus };

export type AgreedVersion = { version: number; content: AgreementContent };

/**
 * The plan line of one sub-goal across the sealed versions that carried it (oldest first), as
 * connected pieces: each later version takes over on the day it was agreed, and the earlier piece
 * stops there. A later version continues from where the line stood that day — a follow-up keeps
 * the agreed start value it was carried with, and restarting the line there would draw a second
 * line from the old start. Only a version that changed the start value itself starts from its new
 * value (a new baseline the meeting agreed).
 */
export function plannedSegments(subGoalId: string, versions: readonly AgreedVersion[]): PlannedSegment[] {
  const raw = versions.flatMap(({ version, content }) => {
    const g = content.plan.subGoals.find((s) => s.id === subGoalId);
    if (!g || g.measure.from === null || g.measure.target === null || !g.due || !content.meeting.startsAt) return [];
    const startDate = dateInZone(new Date(content.meeting.startsAt));
    if (g.due <= startDate) return [];
    return [{ version, startDate, startValue: g.measure.from, endDate: g.due, endValue: g.measure.target, from: g.measure.from }];
  });
  const out: PlannedSegment[] = [];
  let previous: (typeof raw)[number] | null = null;
  for (const seg of raw) {
    const { from, ...segment } = seg;
    if (previous && seg.startDate >= previous.startDate) {
      const last = out.at(-1);
      const standing = expectedOn(previous, seg.startDate);
      // The earlier piece ends where this one takes over (dropped when both start the same day).
      if (last && last.version === previous.version) {
        if (seg.startDate <= last.startDate) out.pop();
        else if (seg.startDate < last.endDate) Object.assign(last, { endDate: seg.startDate, endValue: standing });
      }
      if (from === previous.from) segment.startValue = seg.startDate <= previous.endDate ? standing : previous.endValue;
    }
    out.push(segment);
    previous = seg;
  }
  return out;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** The planned value on a day: on the line between start and end, held flat outside it. */
export function expectedOn(segment: PlannedSegment, date: string): number {
  const span = dayNumber(segment.endDate) - dayNumber(segment.startDate);
  const f = Math.min(1, Math.max(0, (dayNumber(date) - dayNumber(segment.startDate)) / span));
  // One decimal: a plan line is a rough guide, "6.68 points" would pretend otherwise.
  return Math.round((segment.startValue + (segment.endValue - segment.startValue) * f) * 10) / 10;
}

/** The segment that applies on a day: the newest one that had started by then, else the first. */
export function segmentOn(segments: readonly PlannedSegment[], date: string): PlannedSegment | null {
  return [...segments].reverse().find((s) => s.startDate <= date) ?? segments[0] ?? null;
}

/** A latest value within a tenth of the planned distance counts as on track: measures are rough. */
export function measureStatus(
  m: Pick<AgreedMeasure, "from" | "target">,
  entries: readonly ProgressEntry[],
  segments: readonly PlannedSegment[],
): MeasureStatus {
  const latest = entries.at(-1) ?? null;
  if (!latest) return { kind: "none", latest: null, expected: null };
  const dir = m.from !== null && m.target !== null ? Math.sign(m.target - m.from) : 0;
  const segment = segmentOn(segments, latest.date);
  const expected = segment ? expectedOn(segment, latest.date) : null;
  if (dir === 0 || m.target === null || m.from === null) return { kind: "recorded", latest, expected };
  if ((latest.value - m.target) * dir >= 0) return { kind: "reached", latest, expected };
  const tolerance = Math.abs(m.target - m.from) * 0.1;
  const reference = expected ?? m.from;
  return { kind: (latest.value - reference) * dir >= -tolerance ? "on_track" : "behind", latest, expected };
}

export function measureSeries(
  measure: AgreedMeasure,
  entries: readonly ProgressEntry[],
  versions: readonly AgreedVersion[],
): MeasureSeries {
  const mine = entries.filter((e) => e.subGoalId === measure.subGoalId);
  const planned = plannedSegments(measure.subGoalId, versions);
  return { ...measure, entries: mine, planned, status: measureStatus(measure, mine, planned) };
}

export type RampWeek = { weekStart: string; planned: number | null; recorded: number | null };

/** Monday of the week a day falls in. */
function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/**
 * The hours ramp week by week: planned hours (the plan line mid-week) against the hours recorded
 * (the last entry of the week), from the first agreed start to the plan's end or next week.
 */
export function rampWeeks(series: Pick<MeasureSeries, "entries" | "planned">, today: string): RampWeek[] {
  const first = series.planned[0]?.startDate ?? series.entries[0]?.date;
  if (!first) return [];
  const lastPlanned = series.planned.at(-1)?.endDate ?? today;
  const end = [lastPlanned, addDays(today, 7)].sort()[0]!;
  const out: RampWeek[] = [];
  for (let week = mondayOf(first); week <= end && out.length < 60; week = addDays(week, 7)) {
    const mid = addDays(week, 3);
    const segment = segmentOn(series.planned, mid);
    const inWeek = series.entries.filter((e) => e.date >= week && e.date < addDays(week, 7));
    out.push({ weekStart: week, planned: segment ? expectedOn(segment, mid) : null, recorded: inWeek.at(-1)?.value ?? null });
  }
  return out;
}
