"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatEditableNumber } from "@/lib/i18n/number-format";
import { hintClass, inputBaseClass, inputClass, labelClass, selectClass } from "@/app/_components/ui/classes";
import { OWN_ACTIVITY_KINDS, type OwnActivity } from "@/lib/plan/own-activity";
import type { FieldProps } from "./entry-form";

export const ACTIVITY_FIELDS = ["name", "kind", "hoursPerWeek", "atWorkplace", "sensitive"] as const;

/**
 * One of the organisation's own activities: its name, what sort it is, the hours a week it usually
 * takes, whether it runs at the workplace, and whether it tells something about health (then the
 * manager sees only "a health-related activity" unless the employee agreed, as for the
 * catalogue's own such entries).
 */
export function ActivityFields({ field, value }: { field: FieldProps; value?: OwnActivity }) {
  const t = useTranslations("admin.catalogue.activity");
  const locale = useLocale();
  const name = field("name");
  const kind = field("kind");
  const hours = field("hoursPerWeek");
  const atWorkplace = field("atWorkplace");
  const sensitive = field("sensitive");
  return (
    <>
      <div className="mt-3">
        <label htmlFor={name.input.id} className={labelClass}>
          {t("name")}
        </label>
        <input {...name.input} type="text" autoComplete="off" maxLength={120} defaultValue={value?.name} className={`mt-1 ${inputClass}`} />
        {name.error}
      </div>
      <div className="mt-3">
        <label htmlFor={kind.input.id} className={labelClass}>
          {t("kind")}
        </label>
        <select {...kind.input} defaultValue={value?.kind ?? "course"} className={`mt-1 ${selectClass}`}>
          {OWN_ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        {kind.error}
      </div>
      <div className="mt-3">
        <label htmlFor={hours.input.id} className={labelClass}>
          {t("hoursPerWeek")}
        </label>
        <p id={`${hours.input.id}-hint`} className={hintClass}>
          {t("hoursHint")}
        </p>
        <input
          {...hours.input}
          aria-describedby={`${hours.input.id}-hint ${hours.input["aria-describedby"]}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={value?.hoursPerWeek == null ? "" : formatEditableNumber(value.hoursPerWeek, locale)}
          className={`mt-1 w-28 ${inputBaseClass}`}
        />
        {hours.error}
      </div>
      {[
        { f: atWorkplace, label: t("atWorkplace"), hint: null, checked: value?.atWorkplace },
        { f: sensitive, label: t("sensitive"), hint: t("sensitiveHint"), checked: value?.sensitive },
      ].map(({ f, label, hint, checked }) => (
        <div key={f.input.id} className="mt-3">
          <label className="flex items-center gap-2 text-slate-900">
            <input
              {...f.input}
              aria-describedby={hint ? `${f.input.id}-hint ${f.input["aria-describedby"]}` : f.input["aria-describedby"]}
              type="checkbox"
              defaultChecked={checked}
              className="size-5 accent-blue-700"
            />
            {label}
          </label>
          {hint ? (
            <p id={`${f.input.id}-hint`} className={hintClass}>
              {hint}
            </p>
          ) : null}
          {f.error}
        </div>
      ))}
    </>
  );
}
