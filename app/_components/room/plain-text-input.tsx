"use client";

import { useState } from "react";
import { FieldLabel } from "@/app/_components/room/field-label";
import { inputClass } from "@/app/_components/ui/classes";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";

/**
 * A short plain string held in the document (a tool's place, a reason): typed freely, written to
 * the document when the field is left. One line, wrapped when it is longer than the field. For
 * texts several people type at once, use YTextField.
 */
export function PlainTextInput({
  id,
  field,
  label,
  value,
  maxLength,
  readOnly,
  onCommit,
  testId,
  suggestions,
}: {
  id: string;
  field: string;
  label: string;
  value: string;
  maxLength: number;
  readOnly: boolean;
  onCommit: (v: string) => void;
  testId: string;
  /** Offered while typing (a datalist): a choice, never a limit — anything else may be typed. */
  suggestions?: readonly string[];
}) {
  // While this person types, their draft is shown; otherwise the document's value (someone else's change included).
  const [draft, setDraft] = useState<string | null>(null);
  const list = suggestions?.length ? `${id}-suggestions` : undefined;
  const props = {
    id,
    className: inputClass,
    value: draft ?? value,
    maxLength,
    readOnly,
    autoComplete: "off",
    onFocus: () => setDraft(value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      if (draft !== null && draft !== value) onCommit(draft);
      setDraft(null);
    },
    "data-testid": testId,
  };
  return (
    <div>
      <FieldLabel htmlFor={id} field={field}>
        {label}
      </FieldLabel>
      {/* A datalist works on an <input> only: a field with suggestions (a provider's name, short)
          stays one; every other wraps when its text is longer than the field. */}
      {list ? <input list={list} {...props} /> : <OneLineTextarea {...props} />}
      {suggestions?.length ? (
        <datalist id={`${id}-suggestions`} data-testid={`${testId}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
