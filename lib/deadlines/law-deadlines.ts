import type { Country } from "../organisation/country";
import { addDays } from "../time/zoned";

/**
 * The law's deadlines of a sick-leave case, counted from the first day of absence, per country.
 * Pure: the facts come in (the case's held meetings and signed plans), the deadlines come out.
 * Each rule names its source; docs/law-deadlines.md says what the law asks and how Stepwise
 * decides that a deadline was met.
 *
 * Weeks are counted as the law does: the first day of absence is day 1 of week 1, so "by the end
 * of week N" is the day `start + 7·N − 1`, and "within N weeks" is read the same way.
 */

export type DeadlineRule =
  | "dk.firstFollowUp"
  | "dk.followUp"
  | "dk.reassessment"
  | "dk.fastTrack"
  | "dk.retentionPlan"
  | "no.followUpPlan"
  | "no.dialogueMeeting1"
  | "no.dialogueMeeting2"
  | "no.activityRequirement";

/**
 * `met` — done on time; `late` — done, after the date; `missed` — the date has passed and it was
 * not done; `upcoming` — not yet due; `open` — a right someone may use until the date (a request
 * window: never "missed", only `closed` once it has passed); `onRequest` — a right with no date.
 */
export type DeadlineStatus = "met" | "late" | "missed" | "upcoming" | "open" | "closed" | "onRequest";

export type LawDeadline = {
  rule: DeadlineRule;
  /** The law and section, as docs/law-deadlines.md names it (not translated: it is a citation). */
  source: string;
  /** YYYY-MM-DD, the last day; null for a right that has no date. */
  due: string | null;
  status: DeadlineStatus;
  /** The day it was done (a held meeting or a signed plan), when it was. */
  doneOn: string | null;
};

export type CaseFacts = {
  country: Country;
  /** YYYY-MM-DD: the first day of absence. */
  sickLeaveStart: string;
  /** YYYY-MM-DD of every meeting of the case that was held (completed), any order. */
  heldMeetings: string[];
  /** YYYY-MM-DD of every plan version that became binding (signed), any order. */
  signedPlans: { on: string; hasActivity: boolean }[];
  /** YYYY-MM-DD: today, in the meetings' time zone. */
  today: string;
};

export const SOURCES = {
  "dk.firstFollowUp": "Sygedagpengeloven § 13 b, stk. 1",
  "dk.followUp": "Sygedagpengeloven § 13 b, stk. 1",
  "dk.reassessment": "Sygedagpengeloven § 24",
  "dk.fastTrack": "Sygedagpengeloven § 7 c og § 7 e",
  "dk.retentionPlan": "Sygedagpengeloven § 7 b",
  "no.followUpPlan": "Arbeidsmiljøloven § 4-6 (3)",
  "no.dialogueMeeting1": "Arbeidsmiljøloven § 4-6 (4)",
  "no.dialogueMeeting2": "Folketrygdloven § 8-7 a",
  "no.activityRequirement": "Folketrygdloven § 8-8 (2)",
} as const satisfies Record<DeadlineRule, string>;

/** The last day of week `n` of the absence. */
export function endOfWeek(start: string, n: number): string {
  return addDays(start, 7 * n - 1);
}

/** How long after the last follow-up conversation the next one is due (DK: at least every 4 weeks). */
const DK_FOLLOW_UP_EVERY_DAYS = 28;
/** DK's reassessment counts as held by a meeting in the 4 weeks up to the end of week 22. */
const DK_REASSESSMENT_FROM_WEEK = 19;

function duty(rule: DeadlineRule, due: string, doneOn: string | null, today: string): LawDeadline {
  const status: DeadlineStatus = doneOn !== null ? (doneOn <= due ? "met" : "late") : today > due ? "missed" : "upcoming";
  return { rule, source: SOURCES[rule], due, status, doneOn };
}

function window(rule: DeadlineRule, due: string, today: string): LawDeadline {
  return { rule, source: SOURCES[rule], due, status: today > due ? "closed" : "open", doneOn: null };
}

/** The first of the sorted days on or after `from` (and on or before `to`, when given). */
function firstBetween(days: string[], from: string, to?: string): string | null {
  return days.find((d) => d >= from && (to === undefined || d <= to)) ?? null;
}

/**
 * DK's follow-up conversations: the first by the end of week 8, then each within 4 weeks of the
 * one before. A missed one counts the next 4 weeks from its own date, so each gap of 4 weeks is
 * one miss. Listed up to the first not yet due (the next one coming), for the first year.
 */
function dkFollowUps(start: string, held: string[], today: string): LawDeadline[] {
  const first = duty("dk.firstFollowUp", endOfWeek(start, 8), firstBetween(held, start), today);
  const out = [first];
  if (first.status === "upcoming") return out;
  const lastListed = endOfWeek(start, 52);
  // A held conversation restarts the 4-week clock from its own date; a missed one from its due date.
  let from = first.doneOn ?? first.due!;
  for (;;) {
    const due = addDays(from, DK_FOLLOW_UP_EVERY_DAYS);
    if (due > lastListed) break;
    // Only a conversation within the 4 weeks meets this one; a later one meets a later one.
    const done = firstBetween(held, addDays(from, 1), due);
    const d = duty("dk.followUp", due, done, today);
    out.push(d);
    if (d.status === "upcoming") break;
    from = done ?? due;
  }
  return out;
}

/** DK's reassessment: a meeting held from week 19 up to the end of week 22 (or later: late). */
function dkReassessment(start: string, held: string[], today: string): LawDeadline {
  const due = endOfWeek(start, 22);
  return duty("dk.reassessment", due, firstBetween(held, addDays(start, 7 * (DK_REASSESSMENT_FROM_WEEK - 1))), today);
}

export function lawDeadlines(facts: CaseFacts): LawDeadline[] {
  const { sickLeaveStart: start, today } = facts;
  const held = [...facts.heldMeetings].filter((d) => d >= start).sort();
  const plans = [...facts.signedPlans].filter((p) => p.on >= start).sort((a, b) => a.on.localeCompare(b.on));
  if (facts.country === "DK") {
    return [
      window("dk.fastTrack", endOfWeek(start, 5), today),
      { rule: "dk.retentionPlan", source: SOURCES["dk.retentionPlan"], due: null, status: "onRequest", doneOn: null },
      ...dkFollowUps(start, held, today),
      dkReassessment(start, held, today),
    ];
  }
  const dialogue1 = firstBetween(held, start);
  return [
    duty("no.followUpPlan", endOfWeek(start, 4), plans[0]?.on ?? null, today),
    duty("no.dialogueMeeting1", endOfWeek(start, 7), dialogue1, today),
    // Dialogue meeting 2 is a later meeting than the first one.
    duty("no.dialogueMeeting2", endOfWeek(start, 26), dialogue1 ? firstBetween(held, addDays(dialogue1, 1)) : null, today),
    duty("no.activityRequirement", endOfWeek(start, 8), plans.find((p) => p.hasActivity)?.on ?? null, today),
  ];
}

/** What a work list shows: deadlines not done whose date has passed, and those due within the week from today. */
export function isMissed(d: LawDeadline): boolean {
  return d.status === "missed";
}

export function isDueWithinWeek(d: LawDeadline, today: string): boolean {
  return (d.status === "upcoming" || d.status === "open") && d.due !== null && d.due >= today && d.due <= addDays(today, 6);
}
