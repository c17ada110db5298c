"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { isAppError } from "@/lib/errors";
import { FieldError, FieldLabel, inputClass } from "./ui";

/**
 * A number held in the document (minutes, a measure's from/target). The person's typing is kept
 * as typed; the document is only changed when it is a valid value, otherwise a calm inline
 * message says why and nothing is lost. Accepts a decimal comma (Danish/Norwegian habit).
 */
export function NumberField({
  id,
  field,
  label,
  value,
  onCommit,
  readOnly,
  integer,
  invalidMessage,
  testId,
  width = "w-28",
}: {
  id: string;
  field: string;
  label: string;
  value: number | null;
  onCommit: (v: number | null) => void;
  readOnly: boolean;
  integer?: boolean;
  invalidMessage: string;
  testId: string;
  width?: string;
}) {
  const t = useTranslations("room.common");
  const locale = useLocale();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // While the person edits, their draft wins; otherwise show the document's value.
  const shown = draft ?? (value === null ? "" : formatNumber(value, locale));

  const change = (raw: string) => {
    setDraft(raw);
    const trimmed = raw.trim().replace(",", ".");
    if (trimmed === "") {
      setError(null);
      if (value !== null) onCommit(null);
      return;
    }
    const n = Number(trimmed);
    if (!/^-?\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      setError(invalidMessage);
      return;
    }
    try {
      if (n !== value) onCommit(n);
      setError(null);
    } catch (e) {
      if (isAppError(e) && e.code === "INVALID_INPUT") setError(invalidMessage);
      else setError(t("somethingWentWrong"));
    }
  };

  const errorId = `${id}-error`;
  return (
    <div>
      <FieldLabel htmlFor={id} field={field}>
        {label}
      </FieldLabel>
      <input
        id={id}
        type="text"
        inputMode={integer ? "numeric" : "decimal"}
        autoComplete="off"
        className={`${inputClass} ${width}`}
        value={shown}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        data-testid={testId}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** Plain digits (no grouping), with the decimal comma in Danish and Norwegian. */
function formatNumber(n: number, locale: string): string {
  const s = String(n);
  return locale === "en" ? s : s.replace(".", ",");
}
