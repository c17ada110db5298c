"use client";

import { useTranslations } from "next-intl";
import { PHASES } from "@/lib/collab/flow-schema";
import { setPhase } from "@/lib/collab/meeting-flow";
import { buttonClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { useFlow } from "./flow-context";

/**
 * What this step is for (the guide's checklist, in a sentence everyone reads) and, for the chair,
 * the buttons to go on to the next step or back to the previous one.
 */
export function PhaseControls() {
  const t = useTranslations("meeting.phases");
  const f = useFlow();
  const i = PHASES.indexOf(f.flow.phase);
  const next = PHASES[i + 1];
  const prev = i > 0 ? PHASES[i - 1] : undefined;
  return (
    <div className="space-y-2">
      <p className="text-slate-900" data-testid="phase-hint">
        {t(`${f.flow.phase}.hint`)}
      </p>
      {f.isChair && f.flow.phase === "preparing" ? <p className="text-sm text-slate-700">{t("chairTip")}</p> : null}
      {f.isChair ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("controls")}>
          {next ? (
            <button
              type="button"
              className={primaryButtonClass}
              onClick={() => setPhase(f.conn.doc, next, f.actor())}
              data-testid="phase-next"
            >
              {t("next", { n: i + 2, name: t(`${next}.name`) })}
            </button>
          ) : null}
          {prev ? (
            <button type="button" className={buttonClass} onClick={() => setPhase(f.conn.doc, prev, f.actor())} data-testid="phase-back">
              {t("back", { name: t(`${prev}.name`) })}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
