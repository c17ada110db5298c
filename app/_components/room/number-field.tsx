"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { isAppError } from "@/lib/errors";
import { formatEditableNumber } from "@/lib/i18n/number-format";
import { FieldError } from "@/app/_components/ui/field-error";
import { FieldLabel } from "@/app/_components/room/field-label";
import { inputBaseClass } from "@/app/_components/ui/classes";

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
  // The person's own text, kept while it belongs to the document value it was typed over. When
  // the value changes underneath (someone else, or undo), the document's value is shown again.
  const [draft, setDraft] = useState<{ text: string; base: number | null; error: string | null } | null>(null);
  const live = draft !== null && draft.base === value ? draft : null;
  const shown = live ? live.text : value === null ? "" : formatEditableNumber(value, locale);
  const error = live?.error ?? null;

  const change = (raw: string) => {
    const trimmed = raw.trim().replace(",", ".");
    if (trimmed === "") {
      if (value !== null) onCommit(null);
      setDraft({ text: raw, base: null, error: null });
      return;
    }
    const n = Number(trimmed);
    if (!/^-?\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      setDraft({ text: raw, base: value, error: invalidMessage });
      return;
    }
    try {
      if (n !== value) onCommit(n);
      setDraft({ text: raw, base: n, error: null });
    } catch (e) {
      const message = isAppError(e) && e.code === "INVALID_INPUT" ? invalidMessage : t("somethingWentWrong");
      setDraft({ text: raw, base: value, error: message });
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
        className={`${inputBaseClass} ${width}`}
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
