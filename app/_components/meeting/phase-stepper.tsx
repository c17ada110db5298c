"use client";

import { useTranslations } from "next-intl";
import { PHASES, type Phase } from "@/lib/collab/flow-schema";

/**
 * The meeting's steps as the whole room sees them. The current one is marked in words
 * ("now") and with aria-current, the ones before with a tick and the word "done": never colour only.
 */
export function PhaseStepper({ phase, size = "normal" }: { phase: Phase; size?: "normal" | "large" }) {
  const t = useTranslations("meeting.phases");
  const current = PHASES.indexOf(phase);
  const large = size === "large";
  return (
    <ol
      className={`grid gap-2 ${large ? "grid-cols-2 text-base md:grid-cols-3 lg:grid-cols-6 lg:gap-1.5 lg:text-[0.9375rem] 2xl:gap-2 2xl:text-lg" : "grid-cols-2 text-sm sm:grid-cols-3 lg:grid-cols-6"}`}
      aria-label={t("label")}
      data-testid="phase-stepper"
      data-phase={phase}
    >
      {PHASES.map((p, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        return (
          <li
            key={p}
            aria-current={state === "current" ? "step" : undefined}
            data-state={state}
            className={`flex items-start gap-2 rounded-lg border-2 px-2 py-1.5 ${
              state === "current"
                ? "border-slate-900 bg-slate-900 text-white"
                : state === "done"
                  ? "border-slate-400 bg-white text-slate-800"
                  : "border-dashed border-slate-400 bg-white text-slate-700"
            }`}
          >
            <span aria-hidden="true" className="font-bold tabular-nums">
              {state === "done" ? "✓" : i + 1}
            </span>
            <span className="min-w-0 [overflow-wrap:anywhere]">
              <span className="block font-semibold leading-tight">{t(`${p}.name`)}</span>
              <span className={`block leading-tight ${large ? "text-sm 2xl:text-base" : "text-xs"}`}>
                {state === "current" ? t("now") : state === "done" ? t("done") : t("later")}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function phaseNumber(phase: Phase): number {
  return PHASES.indexOf(phase) + 1;
}
