"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/_server/action";
import { errorClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";

type Answer = ActionResult<{ name: string }>;

/** A field's error code from the last refusal (shown in the reader's words by StaffField). */
export type FieldErrorOf = (field: string) => string | undefined;

/**
 * One form of the organisation's own catalogue (add or change a provider or an activity). Each
 * field's error sits under it; after a refused submit the focus goes to the first field in error,
 * after a successful one to the confirmation (or, when `onDone` closes the form, to wherever the
 * caller puts it). A new entry's form is emptied for the next one; a refused one keeps what was typed.
 */
export function EntryForm({
  idPrefix,
  fields,
  run,
  submitLabel,
  doneMessage,
  onDone,
  testId,
  children,
}: {
  idPrefix: string;
  fields: readonly string[];
  run: (prev: unknown, form: FormData) => Promise<Answer>;
  submitLabel: string;
  /** The confirmation shown in the form (adding); without it, `onDone` takes over (changing). */
  doneMessage?: (name: string) => string;
  onDone?: (name: string) => void;
  testId: string;
  children: (error: FieldErrorOf) => ReactNode;
}) {
  const t = useTranslations("admin.catalogue");
  const formRef = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const [state, act, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const answer = await run(prev, form);
    if (answer.ok && doneMessage) formRef.current?.reset();
    return answer;
  }, null);
  const failed = state && !state.ok ? (state.fields ?? {}) : null;

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (doneMessage) done.current?.focus();
      else onDone?.(state.value.name);
      return;
    }
    const first = fields.find((f) => state.fields?.[f]);
    formRef.current?.querySelector<HTMLElement>(first ? `#${idPrefix}-${first}` : `#${idPrefix}-error`)?.focus();
    // Only a new answer moves the focus (the callbacks are new on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const error: FieldErrorOf = (f) => failed?.[f];

  return (
    <form ref={formRef} action={act} onSubmit={submitWithoutReset(act, pending)} noValidate className="mt-3" data-testid={testId}>
      <p id={`${idPrefix}-error`} role="alert" tabIndex={-1} className={errorClass} data-testid={`${idPrefix}-error`}>
        {failed ? (Object.keys(failed).length > 0 ? t("checkFields") : t("failed")) : null}
      </p>
      {state?.ok && doneMessage ? (
        <p ref={done} tabIndex={-1} role="status" className={`mt-2 ${noticeClass}`} data-testid={`${idPrefix}-done`}>
          {doneMessage(state.value.name)}
        </p>
      ) : null}
      {children(error)}
      <button
        type="submit"
        className={`mt-3 ${primaryButtonClass}`}
        aria-disabled={pending || undefined}
        data-testid={`${idPrefix}-submit`}
      >
        {submitLabel}
      </button>
    </form>
  );
}
