"use client";

import { useTranslations } from "next-intl";
import { hintClass, inputClass, labelClass } from "@/app/_components/ui/classes";
import type { OwnProvider } from "@/lib/plan/own-activity";
import type { FieldProps } from "./entry-form";

export const PROVIDER_FIELDS = ["name", "note"] as const;

/** A provider's name and an optional note (how to reach them): for staff, never copied into a plan. */
export function ProviderFields({ field, value }: { field: FieldProps; value?: OwnProvider }) {
  const t = useTranslations("admin.catalogue.provider");
  const name = field("name");
  const note = field("note");
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
        <label htmlFor={note.input.id} className={labelClass}>
          {t("note")}
        </label>
        <p id={`${note.input.id}-hint`} className={hintClass}>
          {t("noteHint")}
        </p>
        <input
          {...note.input}
          aria-describedby={`${note.input.id}-hint ${note.input["aria-describedby"]}`}
          type="text"
          autoComplete="off"
          maxLength={500}
          defaultValue={value?.note}
          className={`mt-1 ${inputClass}`}
        />
        {note.error}
      </div>
    </>
  );
}
