"use client";

import { useEffect } from "react";

/** Escape answers with the safe choice ("stay as I am"), wherever the focus is on the page. */
export function EscapeKeeps({ buttonId }: { buttonId: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const button = document.getElementById(buttonId);
      if (button instanceof HTMLButtonElement) button.form?.requestSubmit(button);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [buttonId]);
  return null;
}
