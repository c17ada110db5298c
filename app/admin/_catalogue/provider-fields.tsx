"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/app/_components/ui/classes";
import { StaffField } from "@/app/_components/staff/staff-field";
import type { OwnProvider } from "@/lib/plan/own-activity";
import type { FieldErrorOf } from "./entry-form";

export const PROVIDER_FIELDS = ["name", "note"] as const;

/** A provider's name and an optional note (how to reach them): for staff, never copied into a plan. */
export function ProviderFields({ idPrefix, error, value }: { idPrefix: string; error: FieldErrorOf; value?: OwnProvider }) {
  const t = useTranslations("admin.catalogue.provider");
  return (
    <>
      <StaffField id={`${idPrefix}-name`} label={t("name")} error={error("name")} className="mt-3">
        {(w) => (
          <input
            {...w}
            name="name"
            type="text"
            autoComplete="off"
            maxLength={120}
            defaultValue={value?.name}
            className={`mt-1 ${inputClass}`}
          />
        )}
      </StaffField>
      <StaffField id={`${idPrefix}-note`} label={t("note")} hint={t("noteHint")} error={error("note")} className="mt-3">
        {(w) => (
          <input
            {...w}
            name="note"
            type="text"
            autoComplete="off"
            maxLength={500}
            defaultValue={value?.note}
            className={`mt-1 ${inputClass}`}
          />
        )}
      </StaffField>
    </>
  );
}
