import { messagesFor } from "../i18n/catalogue";
import type { Locale } from "../i18n/locales";
import { formatNumber, intlTag } from "../i18n/number-format";

/**
 * Message lookup for text that lib/ writes itself: the labels frozen into an agreement and the
 * PDF. Same catalogues as the pages (lib/i18n/messages/*.json), so a frozen label is exactly the
 * label the room showed at that moment. Only plain `{name}` placeholders (no ICU plurals) are
 * used in these messages.
 */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = messagesFor(locale);
  return (key, vars) => {
    const found = key
      .split(".")
      .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages);
    if (typeof found !== "string") throw new Error(`Missing message ${key} in ${locale}`);
    return found.replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
  };
}

/** Numbers and the Intl tag live with the catalogues (lib/i18n/number-format.ts); kept here for the agreement code. */
export { formatNumber, intlTag };

/** `YYYY-MM-DD` as a long date in the language ("4. marts 2025"). */
export function formatIsoDate(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A local `YYYY-MM-DDTHH:mm` as date and time in the language, without converting zones. */
export function formatLocalDateTime(value: string, locale: string): string {
  const [date, time] = value.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d, hh, mm)),
  );
}

/** An instant in the meeting's time zone (Europe/Copenhagen), date and time. */
export function formatInstant(at: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(
    new Date(at),
  );
}
