/**
 * A day as YYYY-MM-DD counted from today in Copenhagen, where the demo's organisation and the
 * server's day logic live. Never the UTC date: between 23:00 and 01:00 UTC the two differ, and a
 * spec that types UTC's "today" then means Copenhagen's yesterday (seen as a failing spec at night).
 */
export function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
