"use client";

import { useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { GUIDE_INPUTS, INPUTS, SCENARIOS, computeBusinessCase, parseAmount, type CaseInputs, type InputKey, type Scenario } from "@/lib/business-case/three-month-case";
import { buttonClass, inputBaseClass } from "../room/ui";

/**
 * The employer's business case (the guide's three-month table): keeping the employee on partial
 * return, full-time sick, or dismissing and hiring — every number editable, the rest computed as
 * one types. Kept in this browser only: pay figures are the employer's business and have no place
 * in the shared document everyone (and its history) receives. The caseworker opens it on the
 * screen the manager looks at.
 */
export function BusinessCaseToggle({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.business");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button type="button" className={buttonClass} aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)} data-testid="business-case-toggle">
        {open ? t("hide") : t("open")}
      </button>
      {open ? (
        <div id={id} className="mt-3">
          <BusinessCasePanel size={size} />
        </div>
      ) : null}
    </div>
  );
}

type Drafts = Record<Scenario, Record<InputKey, string>>;

export function BusinessCasePanel({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.business");
  const format = useFormatter();
  const id = useId();
  const kr = (n: number) => t("amount", { amount: format.number(n, { maximumFractionDigits: 0 }) });
  const toDrafts = (inputs: CaseInputs): Drafts =>
    Object.fromEntries(SCENARIOS.map((s) => [s, Object.fromEntries(INPUTS.map((k) => [k, format.number(inputs[s][k])]))])) as Drafts;
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(GUIDE_INPUTS));
  // What is typed stays as typed; the numbers used are the last valid ones per field.
  const [inputs, setInputs] = useState<CaseInputs>(() => structuredClone(GUIDE_INPUTS));
  const result = computeBusinessCase(inputs);
  const large = size === "large";

  const edit = (s: Scenario, k: InputKey, raw: string) => {
    setDrafts((d) => ({ ...d, [s]: { ...d[s], [k]: raw } }));
    const n = parseAmount(raw);
    if (n !== null) setInputs((i) => ({ ...i, [s]: { ...i[s], [k]: n } }));
  };
  const reset = () => {
    setDrafts(toDrafts(GUIDE_INPUTS));
    setInputs(structuredClone(GUIDE_INPUTS));
  };

  return (
    <section aria-labelledby={`${id}-title`} className={`rounded-xl border-2 border-slate-800 bg-white p-4 ${large ? "text-xl" : ""}`} data-testid="business-case">
      <h3 id={`${id}-title`} className={`${large ? "text-3xl" : "text-lg"} font-semibold text-slate-900`}>
        {t("title")}
      </h3>
      <p className="mt-1 text-slate-800">{t("intro")}</p>
      <p className="mt-2 rounded-lg bg-slate-100 p-3 font-medium text-slate-900" aria-live="polite" data-testid="business-case-summary">
        {t("summary", { partial: kr(result.partial.extraVsWorking), dismiss: kr(result.dismiss.extraVsWorking), difference: kr(result.dismiss.extraVsWorking - result.partial.extraVsWorking) })}
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {SCENARIOS.map((s) => (
          <fieldset key={s} className="rounded-lg border border-slate-400 p-3" data-testid={`business-${s}`}>
            <legend className="px-1 font-semibold text-slate-900">{t(`scenario.${s}`)}</legend>
            <div className="space-y-2">
              {INPUTS.map((k) => {
                const fid = `${id}-${s}-${k}`;
                const invalid = parseAmount(drafts[s][k]) === null;
                return (
                  <div key={k}>
                    <label htmlFor={fid} className="block text-sm font-medium text-slate-800">
                      {t(`input.${k}`)}
                    </label>
                    <input
                      id={fid}
                      className={`${inputBaseClass} mt-0.5 w-full text-right tabular-nums`}
                      inputMode="numeric"
                      autoComplete="off"
                      value={drafts[s][k]}
                      aria-invalid={invalid ? true : undefined}
                      aria-describedby={invalid ? `${fid}-error` : undefined}
                      onChange={(e) => edit(s, k, e.target.value)}
                      data-testid={`business-${s}-${k}`}
                    />
                    {invalid ? (
                      <p id={`${fid}-error`} className="text-sm font-medium text-red-800">
                        {t("invalid")}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
            <dl className="mt-3 space-y-1 border-t border-slate-300 pt-2 text-sm">
              {(["netPay", "extraCosts", "employerTotal"] as const).map((k) => (
                <div key={k} className="flex justify-between gap-2">
                  <dt>{t(`result.${k}`)}</dt>
                  <dd className="tabular-nums">{kr(result[s][k])}</dd>
                </div>
              ))}
              <div className="flex justify-between gap-2 text-base font-bold">
                <dt>{t("result.extraVsWorking")}</dt>
                <dd className="tabular-nums" data-testid={`business-${s}-extra`}>
                  {kr(result[s].extraVsWorking)}
                </dd>
              </div>
            </dl>
          </fieldset>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass} onClick={reset} data-testid="business-case-reset">
          {t("reset")}
        </button>
        <p className="text-sm text-slate-700">{t("source")}</p>
      </div>
    </section>
  );
}
