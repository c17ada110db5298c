"use client";

import { useEffect, useRef, useState } from "react";

/** Where the shared screen is a wall (one screen high, panels scrolling inside): Tailwind's `lg`. */
export const WALL_MEDIA = "(min-width: 1024px)";

/**
 * The ids of the last `keep` entries that were added or changed while this screen was open
 * (nothing counts as new when it first opens). The wall highlights them, so the room sees where
 * the plan just grew.
 */
export function useNewest(entries: readonly (readonly [string, string])[], keep = 3): ReadonlySet<string> {
  const seen = useRef<Map<string, string> | null>(null);
  const [newest, setNewest] = useState<string[]>([]);
  const key = JSON.stringify(entries);
  useEffect(() => {
    const list = JSON.parse(key) as [string, string][];
    const prev = seen.current;
    seen.current = new Map(list);
    if (!prev) return;
    const changed = list.filter(([id, text]) => prev.get(id) !== text).map(([id]) => id);
    if (changed.length === 0) return;
    setNewest((old) => [...changed.reverse(), ...old.filter((id) => !changed.includes(id))].slice(0, keep));
  }, [key, keep]);
  return new Set(newest);
}
