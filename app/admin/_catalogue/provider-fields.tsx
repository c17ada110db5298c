"use client";

import { useTranslations } from "next-intl";
import type { OwnProvider } from "@/lib/plan/own-activity";
import { CatalogueTextField } from "./catalogue-text-field";
import type { FieldErrorOf } from "./entry-form";

export const PROVIDER_FIELDS = ["name", "note"] as const;

/** A provider's name and an optional note (how to reach them): for staff, never copied into a plan. */
export function ProviderFields({ idPrefix, error, value }: { idPrefix: string; error: FieldErrorOf; value?: OwnProvider }) {
  const t = useTranslations("admin.catalogue.provider");
  return (
    <>
      <CatalogueTextField idPrefix={idPrefix} name="name" label={t("name")} maxLength={120} error={error} defaultValue={value?.name} />
      <CatalogueTextField
        idPrefix={idPrefix}
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        maxLength={500}
        error={error}
        defaultValue={value?.note}
      />
    </>
  );
}
