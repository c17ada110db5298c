/**
 * Which values make sense for a sub-goal's measure. Measures are free text and numbers typed in
 * the meeting ("Pain on a scale of 1–10", 8 → 3; "Hours a week", 15 → 37), so the range is
 * derived, in this order:
 *
 * 1. a scale stated in the label or the unit — "1–10", "1-10", "1 to 10", "fra 1 til 10",
 *    "0 till 5" — is the range;
 * 2. otherwise the agreed start and target, widened by their distance on both sides (a setback
 *    below the start, or overshooting the target, is worth recording), never below 0 when both
 *    are 0 or more (hours, kilometres and ratings are not negative);
 * 3. with only one of them, 0 to twice it; with neither, there is nothing to measure (null).
 *
 * A value outside the range is refused with the range in the message, so a slip on a phone
 * ("60" for "6") is caught where it is typed.
 */
export type MeasureRange = { min: number; max: number; source: "scale" | "plan" };

export type MeasureLike = { label: string; from: number | null; target: number | null; unit: string };

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;
const SCALE = new RegExp(String.raw`${NUMBER}\s*(?:–|—|-|to|til|till|bis)\s*${NUMBER}`, "i");

function num(s: string): number {
  return Number(s.replace(",", "."));
}

/** A scale stated in words, e.g. "Smerte på en skala fra 1 til 10" → 1..10. */
export function statedScale(text: string): { min: number; max: number } | null {
  const m = SCALE.exec(text);
  if (!m) return null;
  const a = num(m[1]!);
  const b = num(m[2]!);
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return null;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function measureRange(m: MeasureLike): MeasureRange | null {
  const scale = statedScale(m.label) ?? statedScale(m.unit);
  if (scale) return { ...scale, source: "scale" };
  const known = [m.from, m.target].filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return null;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const spread = hi - lo || Math.abs(hi) || 1;
  const floorAtZero = lo >= 0;
  const min = floorAtZero ? Math.max(0, lo - spread) : lo - spread;
  const max = known.length === 1 ? Math.max(hi * 2, hi + spread) : hi + spread;
  return { min: round(min), max: round(max), source: "plan" };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Is the sub-goal's measure about hours (the hours ramp)? Its unit or label says so, in any of our languages. */
export function isHoursMeasure(m: MeasureLike): boolean {
  return /\b(timer|timar|hours?|t\/uge|t\/uke|h\/week)\b/i.test(`${m.unit} ${m.label}`);
}
