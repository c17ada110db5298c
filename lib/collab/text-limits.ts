import type * as Y from "yjs";
import { AppError } from "../errors";
import { applyTextChange } from "./text-diff";

/**
 * The longest each shared text may be, in UTF-16 code units (what Y.Text and `maxLength` count).
 * Every participant's screen — and the shared screen on the wall, in large type — shows these
 * texts, so none may grow without bound (3,419 characters were once typed into a one-line action).
 * The room's fields stop at these limits; the add-functions of the model refuse longer texts; the
 * server's document schema (docs/collab-schema.md) holds the same numbers.
 */
export const TEXT_LIMITS = {
  /** agenda item title (agenda[].title) */
  agendaTitle: 200,
  /** agenda item notes (agenda[].notes, rich text), counted as plain text */
  agendaNotes: 20_000,
  /** the long-term goal (plan.goal) */
  goal: 1_000,
  /** a sub-goal (plan.subGoals[].text) */
  subGoalText: 500,
  /** a measure's name (plan.subGoals[].measureLabel) */
  measureLabel: 200,
  /** a measure's unit (plan.subGoals[].measureUnit) */
  measureUnit: 50,
  /** an activity (plan.subGoals[].activities[].text) */
  activityText: 500,
  /** who carries an activity out (…activities[].who) */
  activityWho: 200,
  /** when and how much (…activities[].schedule) */
  activitySchedule: 300,
  /** an agreed action (actions[].text) */
  actionText: 500,
  /** how often and how employee and manager follow up (followUp.howOften) */
  followUpHowOften: 1_000,
  /** when the job centre is involved again (followUp.jobCentre) */
  followUpJobCentre: 1_000,
  /** a review item's comment (review.items[].comment) — REVIEW_COMMENT_MAX in review.ts */
  reviewComment: 1_000,
  /** a work task of NAV's follow-up plan (workTasks[].text) */
  workTaskText: 300,
  /** how a task can be done with adaptation (workTasks[].adaptationNote) */
  workTaskNote: 500,
  /** a measure (navMeasures[].text, triedMeasures[].text) */
  navMeasureText: 500,
  /** how a measure is carried out (navMeasures[].how) */
  navMeasureHow: 1_000,
  /** why a tried measure could not be carried out (triedMeasures[].whyNot) */
  triedWhyNot: 1_000,
  /** the running summary (flowSummary) */
  flowSummary: 10_000,
  /** a consent mark's comment (flowConsent values' comment) — CONSENT_COMMENT_MAX */
  consentComment: 280,
  /** a speaking round's topic (flow.round.topic) — ROUND_TOPIC_MAX */
  roundTopic: 200,
} as const;

export type TextLimitKey = keyof typeof TEXT_LIMITS;

/** Texts from this length on are edited in a multi-line field (they would flood a one-line input). */
export const MULTILINE_FROM = 300;

/** Refuses a text longer than its limit (INVALID_INPUT, `{ [field]: "too_long" }`). */
export function checkTextLength(field: string, key: TextLimitKey, text: string): string {
  if (text.length > TEXT_LIMITS[key]) {
    throw new AppError("INVALID_INPUT", `${field} is longer than ${TEXT_LIMITS[key]} characters`, { [field]: "too_long" });
  }
  return text;
}

/** A text cut to its limit, never splitting a surrogate pair (for texts carried over from older documents). */
export function clampText(key: TextLimitKey, text: string): string {
  const max = TEXT_LIMITS[key];
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, cut);
}

/**
 * Like applyTextChange, but the result never grows past the limit: what does not fit is left out
 * (a shrinking edit is always applied, so a text that is already too long can be shortened).
 * Returns the text as it now stands.
 */
export function applyTextChangeWithin(text: Y.Text, key: TextLimitKey, before: string, after: string): string {
  const next = after.length > TEXT_LIMITS[key] && after.length > before.length ? clampText(key, after) : after;
  applyTextChange(text, before, next);
  return next;
}
