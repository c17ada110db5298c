"use client";

import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its action runs, which unticks controlled radio buttons and selects
 * that React does not re-render. Submitting through this handler (the `action` prop stays for
 * no-JavaScript posts) runs the same action without the reset, so nothing the person chose is lost.
 */
export function submitWithoutReset(action: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
}
