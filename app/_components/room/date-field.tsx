"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { isAppError } from "@/lib/errors";
import { FieldError } from "@/app/_components/ui/field-error";
import { FieldLabel } from "@/app/_components/room/field-label";
import { inputBaseClass } from "@/app/_components/ui/classes";

/**
 * A date (`YYYY-MM-DD`) or local date-time (`YYYY-MM-DDTHH:mm`) held in the document. The browser
 * hands us either a complete value or "" (cleared), so the document never sees half a date.
 */
export function DateField({
  id,
  field,
  label,
  value,
  onCommit,
  readOnly,
  kind = "date",
  testId,
  warning,
}: {
  id: string;
  field: string;
  label: string;
  value: string | null;
  onCommit: (v: string | null) => void;
  readOnly: boolean;
  kind?: "date" | "datetime-local";
  testId: string;
  /** A calm warning about the date (not an error: the date is kept), e.g. "before the meeting". */
  warning?: string | null;
}) {
  const t = useTranslations("room.common");
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  return (
    <div>
      <FieldLabel htmlFor={id} field={field}>
        {label}
      </FieldLabel>
      <input
        id={id}
        type={kind}
        className={`${inputBaseClass} w-full max-w-xs`}
        value={value ?? ""}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={warning ? `${errorId} ${warningId}` : errorId}
        data-testid={testId}
        onChange={(e) => {
          if (readOnly) return;
          try {
            onCommit(e.target.value || null);
            setError(null);
          } catch (err) {
            setError(
              isAppError(err) && err.code === "INVALID_INPUT"
                ? t(kind === "date" ? "dateInvalid" : "dateTimeInvalid")
                : t("somethingWentWrong"),
            );
          }
        }}
      />
      <FieldError id={errorId} message={error} />
      {warning ? (
        <p
          id={warningId}
          className="mt-1 rounded-md border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950"
          data-testid={`${testId}-warning`}
        >
          {warning}
        </p>
      ) : null}
    </div>
  );
}
