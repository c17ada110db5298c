/** The meetings happen in Denmark and Norway; both are on Central European time. */
export const MEETING_TIME_ZONE = "Europe/Copenhagen";

/** `YYYY-MM-DD` of `at` in the given zone. */
export function dateInZone(at: Date, timeZone = MEETING_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** `HH:mm` of `at` in the given zone (24-hour clock). */
export function timeInZone(at: Date, timeZone = MEETING_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant of wall-clock `date` `time` (`YYYY-MM-DD`, `HH:mm`) in the zone. */
export function zonedToInstant(date: string, time: string, timeZone = MEETING_TIME_ZONE): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // Around a DST switch the offset at the guess and at the answer can differ; one more pass settles it.
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** `date` plus `days` calendar days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
