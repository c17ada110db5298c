"use client";

import { useFormatter, useTranslations } from "next-intl";
import { setHoursRamp } from "@/lib/collab/tool-details";
import { RAMP_MAX_STEPS, rampEndsOn, type HoursRamp, type RampStep } from "@/lib/plan/hours-ramp";
import { buttonClass } from "@/app/_components/ui/classes";
import { DateField } from "./date-field";
import { NumberField } from "./number-field";
import { useRoom } from "./room-context";

/**
 * The structured hours ramp: a start date, steps of hours a week for a number of weeks, then the
 * ordinary hours — shown as the sentence people say ("10 hours a week for 2 weeks, then 15 …").
 */
export function HoursRampField({ ramp }: { ramp: HoursRamp }) {
  const t = useTranslations("hoursRamp");
  const format = useFormatter();
  const { conn, editable } = useRoom();
  const save = (next: HoursRamp) => setHoursRamp(conn.doc, next);
  const setStep = (i: number, patch: Partial<RampStep>) =>
    save({ ...ramp, steps: ramp.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const stepText = (s: RampStep) =>
    s.weeks === 1
      ? t("stepSummaryOneWeek", { hours: format.number(s.hoursPerWeek) })
      : t("stepSummary", { hours: format.number(s.hoursPerWeek), weeks: s.weeks });
  const sentence = [
    ...ramp.steps.map(stepText),
    ...(ramp.ordinaryHours !== null ? [t("thenOrdinary", { hours: format.number(ramp.ordinaryHours) })] : []),
  ].join(", ");
  const end = rampEndsOn(ramp);
  return (
    <fieldset data-field="plan.hoursRamp" data-testid="hours-ramp" className="rounded-lg border border-slate-300 p-3">
      <legend className="px-1 text-lg font-semibold text-slate-900">{t("title")}</legend>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="mt-2 font-medium text-slate-900" data-testid="hours-ramp-summary">
        {sentence || t("empty")}
      </p>
      {end && ramp.steps.length > 0 ? (
        <p className="text-sm text-slate-700" data-testid="hours-ramp-end">
          {t("endsOn", { date: format.dateTime(new Date(`${end}T12:00:00Z`), { dateStyle: "long" }) })}
        </p>
      ) : null}
      <div className="mt-3">
        <DateField
          id="hours-ramp-start"
          field="plan.hoursRamp.startsOn"
          label={t("startsOn")}
          value={ramp.startsOn}
          readOnly={!editable}
          onCommit={(v) => save({ ...ramp, startsOn: v })}
          testId="hours-ramp-start"
        />
      </div>
      <ol className="mt-3 space-y-2">
        {ramp.steps.map((s, i) => (
          <li key={i} className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-2" data-testid="hours-ramp-step">
            <span className="pb-2 text-sm font-semibold text-slate-900">{t("stepN", { n: i + 1 })}</span>
            <NumberField
              id={`hours-ramp-${i}-hours`}
              field={`plan.hoursRamp.${i}.hours`}
              label={t("hoursPerWeek")}
              value={s.hoursPerWeek}
              readOnly={!editable}
              onCommit={(v) => setStep(i, { hoursPerWeek: v ?? 0 })}
              invalidMessage={t("invalid")}
              testId="hours-ramp-hours"
            />
            <NumberField
              id={`hours-ramp-${i}-weeks`}
              field={`plan.hoursRamp.${i}.weeks`}
              label={t("weeks")}
              value={s.weeks}
              integer
              readOnly={!editable}
              onCommit={(v) => setStep(i, { weeks: v ?? 1 })}
              invalidMessage={t("invalid")}
              testId="hours-ramp-weeks"
            />
            {editable ? (
              <button
                type="button"
                className={buttonClass}
                onClick={() => save({ ...ramp, steps: ramp.steps.filter((_, j) => j !== i) })}
                data-testid="hours-ramp-remove"
              >
                {t("removeStep", { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {editable && ramp.steps.length < RAMP_MAX_STEPS ? (
        <button
          type="button"
          className={`${buttonClass} mt-2`}
          onClick={() => save({ ...ramp, steps: [...ramp.steps, { hoursPerWeek: ramp.steps.at(-1)?.hoursPerWeek ?? 10, weeks: 2 }] })}
          data-testid="hours-ramp-add"
        >
          {t("addStep")}
        </button>
      ) : null}
      <div className="mt-3">
        <NumberField
          id="hours-ramp-ordinary"
          field="plan.hoursRamp.ordinaryHours"
          label={t("ordinaryHours")}
          value={ramp.ordinaryHours}
          readOnly={!editable}
          onCommit={(v) => save({ ...ramp, ordinaryHours: v })}
          invalidMessage={t("invalid")}
          testId="hours-ramp-ordinary"
        />
      </div>
    </fieldset>
  );
}
