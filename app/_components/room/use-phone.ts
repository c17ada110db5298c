"use client";

import { useSyncExternalStore } from "react";

/** A phone's width: below Tailwind's `sm` (640 px), where the room is one narrow column. */
const PHONE_MEDIA = "(max-width: 639.98px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_MEDIA);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the room is shown on a phone. The room renders its parts in a phone's order then (the
 * current item first), rather than moving them with CSS `order`: the reading and Tab order of a
 * screen reader or keyboard follow the DOM, so they stay the order one sees. The server (and the
 * first render) assumes a wider screen.
 */
export function usePhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_MEDIA).matches,
    () => false,
  );
}
