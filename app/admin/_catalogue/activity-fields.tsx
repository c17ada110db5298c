"use client";

import { useLocale, useTranslations } from "next-intl";
import { FieldError } from "@/app/_components/ui/field-error";
import { hintClass, inputBaseClass, selectClass } from "@/app/_components/ui/classes";
import { StaffField, useFieldError } from "@/app/_components/staff/staff-field";
import { formatEditableNumber } from "@/lib/i18n/number-format";
import { OWN_ACTIVITY_KINDS, type OwnActivity } from "@/lib/plan/own-activity";
import { CatalogueTextField } from "./catalogue-text-field";
import type { FieldErrorOf } from "./entry-form";

export const ACTIVITY_FIELDS = ["name", "kind", "hoursPerWeek", "atWorkplace", "sensitive"] as const;

/**
 * One of the organisation's own activities: its name, what sort it is, the hours a week it usually
 * takes, whether it runs at the workplace, and whether it tells something about health (then the
 * manager sees only "a health-related activity" unless the employee agreed, as for the
 * catalogue's own such entries).
 */
export function ActivityFields({ idPrefix, error, value }: { idPrefix: string; error: FieldErrorOf; value?: OwnActivity }) {
  const t = useTranslations("admin.catalogue.activity");
  const locale = useLocale();
  const hours = value?.hoursPerWeek;
  return (
    <>
      <CatalogueTextField idPrefix={idPrefix} name="name" label={t("name")} maxLength={120} error={error} defaultValue={value?.name} />
      <StaffField id={`${idPrefix}-kind`} label={t("kind")} error={error("kind")} className="mt-3">
        {(w) => (
          <select {...w} name="kind" defaultValue={value?.kind ?? "course"} className={`mt-1 ${selectClass}`}>
            {OWN_ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </StaffField>
      <StaffField
        id={`${idPrefix}-hoursPerWeek`}
        label={t("hoursPerWeek")}
        hint={t("hoursHint")}
        error={error("hoursPerWeek")}
        className="mt-3"
      >
        {(w) => (
          <input
            {...w}
            name="hoursPerWeek"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={hours == null ? "" : formatEditableNumber(hours, locale)}
            className={`mt-1 w-28 ${inputBaseClass}`}
          />
        )}
      </StaffField>
      <Checkbox
        id={`${idPrefix}-atWorkplace`}
        name="atWorkplace"
        label={t("atWorkplace")}
        checked={value?.atWorkplace}
        error={error("atWorkplace")}
      />
      <Checkbox
        id={`${idPrefix}-sensitive`}
        name="sensitive"
        label={t("sensitive")}
        hint={t("sensitiveHint")}
        checked={value?.sensitive}
        error={error("sensitive")}
      />
    </>
  );
}

/** A checkbox with its label beside it (StaffField puts the label above its control), its hint and its error. */
function Checkbox({
  id,
  name,
  label,
  hint,
  checked,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  checked: boolean | undefined;
  error: string | undefined;
}) {
  const fieldError = useFieldError();
  return (
    <div className="mt-3">
      <label className="flex items-center gap-2 text-slate-900">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
          className="size-5 accent-blue-700"
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={fieldError(error)} />
    </div>
  );
}
