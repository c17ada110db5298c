"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/_server/action";
import { FieldError } from "@/app/_components/ui/field-error";
import { errorClass, hintClass, labelClass } from "@/app/_components/ui/classes";
import { useFocusResult } from "@/app/_components/ui/use-focus-result";

/**
 * A staff form bound to one server action: its state, the field errors of a refusal, and the
 * focus after each answer (the first invalid field, else the result region `resultRef` marks).
 */
export function useStaffForm<T>(run: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [state, action, pending] = useActionState(run, null);
  const fields: Record<string, string> = state && !state.ok ? (state.fields ?? {}) : {};
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useFocusResult(state, formRef, resultRef);
  return { state, action, pending, fields, formRef, resultRef };
}

/** A field's error code from an action (`fields.x`) as the reader's words; unknown codes say "invalid". */
export function useFieldError(): (code: string | undefined) => string | null {
  const tf = useTranslations("staff.fieldErrors");
  return (code) => (code ? (tf.has(code) ? tf(code) : tf("invalid")) : null);
}

/** What a control needs to be tied to its label, hint and error (WCAG 1.3.1, 3.3.1). */
export type FieldWiring = { id: string; "aria-invalid": true | undefined; "aria-describedby": string };

/**
 * One labelled field of a staff form: the label, an optional hint, the control, and the field's own
 * error line, wired by ids. The control is the caller's (input, select, textarea) and takes the
 * wiring, so every form ties its errors to its fields the same way.
 */
export function StaffField({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  /** The error code from the action (state.fields[name]), if any. */
  error: string | undefined;
  hint?: string;
  className?: string;
  children: (wiring: FieldWiring) => ReactNode;
}) {
  const fieldError = useFieldError();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": hint ? `${hintId} ${errorId}` : errorId })}
      <FieldError id={errorId} message={fieldError(error)} />
    </div>
  );
}

/**
 * A refused action's message for the whole form, chosen by its error code: the caller names what
 * a wrong field or a conflict means for this form; anything else is `failed`. Nothing when fine.
 */
export function FormFailure({
  state,
  checkFields,
  conflict,
  failed,
  testId,
}: {
  state: ActionResult<unknown> | null;
  checkFields: string;
  conflict?: string;
  failed: string;
  testId?: string;
}) {
  if (!state || state.ok) return null;
  const text = state.error === "INVALID_INPUT" ? checkFields : state.error === "CONFLICT" && conflict ? conflict : failed;
  return (
    <p className={errorClass} role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
