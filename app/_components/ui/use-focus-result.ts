"use client";

import { useEffect, type RefObject } from "react";
import { flushSync } from "react-dom";

/**
 * After a form's answer arrives (a server action's new state), the focus goes to it: the first
 * field marked invalid, else the result's message — never left on a button that was disabled
 * meanwhile, or on a message that was replaced, which drops it to <body>.
 */
export function useFocusResult(state: unknown, form: RefObject<HTMLFormElement | null>, result: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (state === null || state === undefined) return;
    (firstInvalid(form.current) ?? result.current)?.focus();
  }, [state, form, result]);
}

/** The first field marked invalid; for a group (a radio group), its first control. */
function firstInvalid(form: HTMLFormElement | null): HTMLElement | null {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null;
  if (!invalid || invalid.matches("input, select, textarea, button")) return invalid;
  return invalid.querySelector<HTMLElement>("input, select, textarea, button") ?? invalid;
}

/**
 * A client form's answer: render it now, then focus the first field marked invalid in the form,
 * else `fallback` (the "Saved" or "failed" message).
 */
export function showAndFocus(update: () => void, form: HTMLFormElement | null, fallback?: () => HTMLElement | null): void {
  flushSync(update);
  (firstInvalid(form) ?? fallback?.())?.focus();
}
