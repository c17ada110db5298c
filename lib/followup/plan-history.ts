import { MIXER_DIMENSIONS, type MixerDimension } from "../plan/mixer-desk";
import type { CaseAgreement } from "../agreements/case-agreements";

/**
 * How the plan moved across the sealed agreements (oldest first): the staircase step — where it
 * stands, since when, and which agreement set it — and each mixer-desk dimension, turned up or down.
 */
export type StepNow = {
  step: number | null;
  track: string;
  /** The sealed version that set the current step (the first of the latest run at this step). */
  since: { version: number; agreementId: string; sealedAt: Date } | null;
  /** The step before, if an agreement changed it. */
  previous: number | null;
  history: { version: number; step: number | null; sealedAt: Date }[];
};

export function stepNow(sealed: readonly CaseAgreement[]): StepNow {
  const history = sealed.map((a) => ({ version: a.version, step: a.content.plan.step, sealedAt: a.sealedAt! }));
  const last = sealed.at(-1);
  if (!last) return { step: null, track: "employed", since: null, previous: null, history };
  let i = sealed.length - 1;
  while (i > 0 && sealed[i - 1]!.content.plan.step === last.content.plan.step) i--;
  const from = sealed[i]!;
  return {
    step: last.content.plan.step,
    track: last.content.plan.track,
    since: { version: from.version, agreementId: from.id, sealedAt: from.sealedAt! },
    previous: i > 0 ? sealed[i - 1]!.content.plan.step : null,
    history,
  };
}

export type MixerHistory = {
  versions: { version: number; sealedAt: Date }[];
  /** Per dimension, its value in each version (null = not set); `trend` compares the last two. */
  rows: { dimension: MixerDimension; values: (number | null)[]; trend: "up" | "down" | "same" | "new" }[];
};

export function mixerHistory(sealed: readonly CaseAgreement[]): MixerHistory {
  return {
    versions: sealed.map((a) => ({ version: a.version, sealedAt: a.sealedAt! })),
    rows: MIXER_DIMENSIONS.map((dimension) => {
      const values = sealed.map((a) => a.content.plan.mixer[dimension] ?? null);
      const cur = values.at(-1) ?? null;
      const prev = values.length > 1 ? (values.at(-2) ?? null) : undefined;
      let trend: "up" | "down" | "same" | "new" = "same";
      if (prev === null && cur !== null) trend = "new";
      else if (typeof prev === "number" && cur !== null) trend = cur > prev ? "up" : cur < prev ? "down" : "same";
      return { dimension, values, trend };
    }),
  };
}
