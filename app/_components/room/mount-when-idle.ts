import { useCallback, useEffect, useState } from "react";

/**
 * Whether a costly part may mount yet: after the browser's next idle moment (at most `timeoutMs`
 * later), or at once when `now()` is called (the person focused or pressed its placeholder).
 *
 * Why: a rich-text editor costs 10–15 ms of main thread to create (50 ms and more on a slow
 * laptop), and React creates it in the same task as the change that brought it (a discrete
 * event's effects run before the paint). An agenda item added by the chair waited for its own
 * notes editor before it was on her screen (issue 13 §4), and a room with many items created
 * all their editors before its first paint. Each editor now mounts in an idle moment of its own.
 */
export function useMountWhenIdle(timeoutMs = 500): { ready: boolean; now: () => void } {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const w = window as Window & { requestIdleCallback?: typeof requestIdleCallback };
    if (typeof w.requestIdleCallback === "function") {
      const id = w.requestIdleCallback(() => setReady(true), { timeout: timeoutMs });
      return () => w.cancelIdleCallback(id);
    }
    // No idle callbacks (Safari): after this task, so the change itself paints first.
    const id = window.setTimeout(() => setReady(true), 1);
    return () => window.clearTimeout(id);
  }, [ready, timeoutMs]);
  const now = useCallback(() => setReady(true), []);
  return { ready, now };
}
