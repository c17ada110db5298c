import { can } from "../permissions";
import type { Role } from "../plan/roles";
import { isHoursMeasure, type MeasureLike } from "../plan/measure-range";

/**
 * Health measures stay with the employee. A sub-goal's measure is "about health" (pain, mood,
 * confidence, sleep …) when the employee (or the caseworker) says so, or — until anyone has
 * chosen — when its label reads like one: private by default, because a value recorded once
 * cannot be unseen. A health measure is recorded only by the employee and the caseworker
 * (`health_progress: write`), and its values are shown to nobody else unless the employee shares
 * that measure (`shared`), which they can change at any time. Hours and tasks stay shared.
 */
export type MeasurePrivacy = {
  health: boolean;
  /** The employee shares this health measure's values with everyone on the case. */
  shared: boolean;
  /** Someone chose this; false = read from the label. */
  chosen: boolean;
};

export type StoredChoice = { health: boolean; shared: boolean };

// Word beginnings, in Danish, Norwegian and English. Kept short on purpose: the employee can
// always mark any other measure, and un-mark one of these.
const HEALTH_STEMS = [
  "smert",
  "pain",
  "ondt",
  "vondt",
  "hovedpine",
  "hodepine",
  "headache",
  "svimmel",
  "dizz",
  "humør",
  "mood",
  "stemning",
  "selvtillid",
  "selvtillit",
  "confidence",
  "tro på",
  "tiltro",
  "mestring",
  "coping",
  "søvn",
  "sleep",
  "træt",
  "trett",
  "fatigue",
  "energi",
  "energy",
  "udmatt",
  "utmatt",
  "exhaust",
  "angst",
  "anxi",
  "uro",
  "stress",
  "velvær",
  "wellbeing",
  "well-being",
  "trivsel",
  "symptom",
  "depress",
];
const HEALTH_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${HEALTH_STEMS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
  "iu",
);

/** Does the measure read like one about health (and not like hours)? */
export function looksLikeHealthMeasure(m: MeasureLike): boolean {
  if (isHoursMeasure(m)) return false;
  return HEALTH_WORD.test(`${m.label} ${m.unit}`);
}

/**
 * A measure's privacy: the stored choice when someone made one, else read from its label. A value
 * of a sub-goal no agreement describes (null) is treated as private: when in doubt, keep it in.
 */
export function measurePrivacy(measure: MeasureLike | null, choice?: StoredChoice): MeasurePrivacy {
  if (choice) return { health: choice.health, shared: choice.health && choice.shared, chosen: true };
  return { health: measure === null || looksLikeHealthMeasure(measure), shared: false, chosen: false };
}

/** May this role see the recorded values of the measure? */
export function mayViewValues(role: Role, p: Pick<MeasurePrivacy, "health" | "shared">): boolean {
  if (!p.health) return can(role, "view", "progress");
  return can(role, "view", "health_progress") || (p.shared && can(role, "view", "progress"));
}

/** May this role record a value of the measure? */
export function mayRecordValue(role: Role, p: Pick<MeasurePrivacy, "health">): boolean {
  return can(role, "write", p.health ? "health_progress" : "progress");
}
