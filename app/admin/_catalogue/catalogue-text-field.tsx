"use client";

import { inputClass } from "@/app/_components/ui/classes";
import { StaffField } from "@/app/_components/staff/staff-field";
import type { FieldErrorOf } from "./entry-form";

/** One short text of a catalogue entry (a name, a note): labelled, its error on it, prefilled when changing. */
export function CatalogueTextField({
  idPrefix,
  name,
  label,
  hint,
  maxLength,
  error,
  defaultValue,
}: {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  maxLength: number;
  error: FieldErrorOf;
  defaultValue: string | undefined;
}) {
  return (
    <StaffField id={`${idPrefix}-${name}`} label={label} hint={hint} error={error(name)} className="mt-3">
      {(w) => (
        <input
          {...w}
          name={name}
          type="text"
          autoComplete="off"
          maxLength={maxLength}
          defaultValue={defaultValue}
          className={`mt-1 ${inputClass}`}
        />
      )}
    </StaffField>
  );
}
