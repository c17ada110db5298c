/**
 * The mixer desk (mixerpulten): six sliders, each from "needs accommodation" (1) to
 * "ordinary terms" (5), turned up as the person recovers and down if health gets worse.
 */
export const MIXER_DIMENSIONS = ["hours", "physical", "tasks", "responsibility", "predictability", "intensity"] as const;
export type MixerDimension = (typeof MIXER_DIMENSIONS)[number];

export const MIXER_MIN = 1;
export const MIXER_MAX = 5;

export function isMixerDimension(v: unknown): v is MixerDimension {
  return typeof v === "string" && (MIXER_DIMENSIONS as readonly string[]).includes(v);
}
