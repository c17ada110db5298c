/** A stored "YYYY-MM-DDTHH:mm" wall-clock time, shown as written (it is Copenhagen time already). */
export function wallClockDate(local: string): Date {
  const [d, tm] = local.split("T");
  const [y, m, day] = (d ?? "").split("-").map(Number);
  const [hh, mm] = (tm ?? "").split(":").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1, hh ?? 0, mm ?? 0));
}
