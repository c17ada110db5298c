"use client";

import { useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  GUIDE_INPUTS,
  INPUTS,
  SCENARIOS,
  computeBusinessCase,
  parseAmount,
  type CaseInputs,
  type InputKey,
  type Scenario,
} from "@/lib/business-case/three-month-case";
import { buttonClass, inputBaseClass } from "@/app/_components/ui/classes";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

type Drafts = Record<Scenario, Record<InputKey, string>>;
type Row = { kind: "input"; key: InputKey } | { kind: "result"; key: "netPay" | "extraCosts" | "employerTotal" | "extraVsWorking" };

/** The guide's rows, in the guide's order: each computed row right under what it is computed from. */
const ROWS: readonly Row[] = [
  { kind: "input", key: "grossPay" },
  { kind: "input", key: "benefitRefund" },
  { kind: "result", key: "netPay" },
  { kind: "input", key: "tempCover" },
  { kind: "input", key: "recruitment" },
  { kind: "input", key: "newEmployeePay" },
  { kind: "result", key: "extraCosts" },
  { kind: "result", key: "employerTotal" },
  { kind: "result", key: "extraVsWorking" },
];

/**
 * The guide's comparison table itself: one column per scenario, one row per line of the guide,
 * every input a field in its cell (named by its row and column header), every computed line worked
 * out as one types. On a narrow screen the table scrolls sideways inside its own focusable region.
 */
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
  const colId = (s: Scenario) => `${id}-col-${s}`;
  const rowId = (k: string) => `${id}-row-${k}`;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`rounded-xl border-2 border-slate-800 bg-white p-4 ${large ? "text-xl" : ""}`}
      data-testid="business-case"
    >
      <h3 id={`${id}-title`} className={`${large ? "text-3xl" : "text-lg"} font-semibold text-slate-900`}>
        {t("title")}
      </h3>
      <p className="mt-1 text-slate-800">{t("intro")}</p>
      <p className="mt-2 rounded-lg bg-slate-100 p-3 font-medium text-slate-900" aria-live="polite" data-testid="business-case-summary">
        {t("summary", {
          partial: kr(result.partial.extraVsWorking),
          dismiss: kr(result.dismiss.extraVsWorking),
          difference: kr(result.dismiss.extraVsWorking - result.partial.extraVsWorking),
        })}
      </p>
      <ScrollRegion label={t("caption")} className="mt-3 rounded-lg border border-slate-400" testId="business-case-scroll">
        <table className={`w-full min-w-[40rem] border-collapse ${large ? "text-lg" : "text-sm"}`} data-testid="business-case-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="p-2 text-left font-semibold text-slate-900">
                {t("period")}
              </th>
              {SCENARIOS.map((s) => (
                <th key={s} id={colId(s)} scope="col" className="p-2 text-right align-bottom font-semibold text-slate-900">
                  {t(`scenario.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const total = row.kind === "result";
              const last = row.key === "extraVsWorking";
              return (
                <tr
                  key={row.key}
                  className={`border-t border-slate-300 ${total ? "bg-slate-50" : ""} ${last ? "border-t-2 border-slate-800" : ""}`}
                  data-testid={`business-row-${row.key}`}
                >
                  <th id={rowId(row.key)} scope="row" className={`p-2 text-left ${total ? "font-semibold" : "font-normal"} text-slate-900`}>
                    {row.kind === "input" ? t(`input.${row.key}`) : t(`result.${row.key}`)}
                  </th>
                  {SCENARIOS.map((s) => {
                    if (row.kind === "result") {
                      return (
                        <td
                          key={s}
                          className={`p-2 text-right tabular-nums ${last ? "text-base font-bold" : "font-semibold"}`}
                          data-testid={`business-${s}-${row.key === "extraVsWorking" ? "extra" : row.key}`}
                        >
                          {kr(result[s][row.key])}
                        </td>
                      );
                    }
                    const k = row.key;
                    const fid = `${id}-${s}-${k}`;
                    const invalid = parseAmount(drafts[s][k]) === null;
                    return (
                      <td key={s} className="p-1 align-top">
                        <input
                          id={fid}
                          className={`${inputBaseClass} w-full min-w-24 text-right tabular-nums`}
                          inputMode="numeric"
                          autoComplete="off"
                          value={drafts[s][k]}
                          aria-labelledby={`${rowId(k)} ${colId(s)}`}
                          aria-invalid={invalid ? true : undefined}
                          aria-describedby={invalid ? `${fid}-error` : undefined}
                          onChange={(e) => edit(s, k, e.target.value)}
                          data-testid={`business-${s}-${k}`}
                        />
                        {invalid ? (
                          <p id={`${fid}-error`} className="mt-0.5 text-sm font-medium text-red-800">
                            <span aria-hidden="true">! </span>
                            {t("invalid")}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass} onClick={reset} data-testid="business-case-reset">
          {t("reset")}
        </button>
        <p className="text-sm text-slate-700">{t("source")}</p>
      </div>
    </section>
  );
}
