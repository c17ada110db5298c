"use client";

import { useSyncExternalStore } from "react";
import { serverNow } from "./server-clock";

/**
 * The time on the server's clock, re-read once a second while any timer is on screen. One shared
 * interval for the whole page, and only while someone listens. Only the text changes each second,
 * nothing moves, so it is the same with reduced motion.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = 0;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (!timer) {
    now = serverNow();
    timer = setInterval(() => {
      now = serverNow();
      for (const fn of listeners) fn();
    }, 1000);
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Stable between calls (React requires it); refreshed when nobody was ticking for a while. */
function getSnapshot(): number {
  if (!timer) {
    const t = serverNow();
    if (t - now >= 1000) now = t;
  }
  return now;
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, () => 0);
}
