"use client";

import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its action runs, which unticks controlled radio buttons and selects
 * that React does not re-render. Submitting through this handler (the `action` prop stays for
 * no-JavaScript posts) runs the same action without the reset, so nothing the person chose is lost.
 */
export function submitWithoutReset(action: (form: FormData) => void, pending = false) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Buttons are aria-disabled while sending, not disabled (that would drop the focus): ignore a second press.
    if (pending) return;
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
}
