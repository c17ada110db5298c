import { formatNumber, intlTag } from "../i18n/number-format";

/**
 * Dates and numbers in the reader's language, for follow-up text that is built in lib/ and may
 * run in the browser (the room's live diff): plain Intl, no catalogue import.
 */
export const intlTagOf = intlTag;

/** `YYYY-MM-DD` as a medium date ("4. mar. 2026"). */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(intlTagOf(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A local `YYYY-MM-DDTHH:mm` as date and time, without converting zones. */
export function formatLocalDateTime(value: string, locale: string): string {
  const [date = "", time = "00:00"] = value.split("T");
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(intlTagOf(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d, hh, mm)),
  );
}

export const formatValue = formatNumber;
