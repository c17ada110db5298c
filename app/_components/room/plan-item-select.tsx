"use client";

import { selectClass } from "@/app/_components/ui/classes";
import { FieldLabel } from "./field-label";
import { useRoom } from "./room-context";

export type PlanItemSelectProps = {
  id: string;
  /** The presence key of the field (who else is in it). */
  field: string;
  label: string;
  value: string;
  options: readonly string[];
  labelOf: (v: string) => string;
  /** The first, empty choice ("not judged"); without it the select always holds one of `options`. */
  noneLabel?: string;
  onChange: (v: string) => void;
  testId: string;
  className?: string;
};

/** A select over a fixed list in the shared document, read-only when the room is. */
export function PlanItemSelect({ id, field, label, value, options, labelOf, noneLabel, onChange, testId, className }: PlanItemSelectProps) {
  const { editable } = useRoom();
  return (
    <div>
      <FieldLabel htmlFor={id} field={field}>
        {label}
      </FieldLabel>
      <select
        id={id}
        className={className ? `${selectClass} ${className}` : selectClass}
        value={value}
        disabled={!editable}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
