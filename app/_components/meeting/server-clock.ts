/**
 * The server's clock as seen from this browser. Meeting timers are stored as timestamps, so two
 * screens only agree if they read the same clock; a phone's own clock can be off by minutes.
 * One round trip to /api/time at start (half the round trip added, as NTP does); until it answers,
 * the browser's clock is used.
 */
let offsetMs = 0;
let pending: Promise<void> | null = null;

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function syncServerClock(): Promise<void> {
  pending ??= (async () => {
    try {
      const sent = Date.now();
      const res = await fetch("/api/time", { cache: "no-store" });
      const received = Date.now();
      if (!res.ok) return;
      const { now } = (await res.json()) as { now?: unknown };
      if (typeof now === "number" && Number.isFinite(now)) offsetMs = now + (received - sent) / 2 - received;
    } catch {
      // Offline for now: the browser's own clock will do, and the next page load tries again.
      pending = null;
    }
  })();
  return pending;
}
