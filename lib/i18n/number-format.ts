import { isLocale } from "./locales";

/**
 * Numbers in the reader's language: Danish and Norwegian write 7,5, English 7.5. Everything that
 * shows a number goes through here (the room's number fields, the follow-up page, the agreement
 * and its PDF), so a language never borrows another's decimal mark. No catalogue import: the room
 * runs this in the browser.
 */

/** BCP 47 tags for Intl: Danish, Norwegian Bokmål, English (British: day-month dates, 24-hour time). */
export function intlTag(locale: string): string {
  return isLocale(locale) ? { da: "da-DK", nb: "nb-NO", en: "en-GB" }[locale] : "da-DK";
}

/** A number to read: grouped, at most two decimals ("1.234,5" / "1 234,5" / "1,234.5"). */
export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 }).format(n);
}

/**
 * A number to edit in a text field: every digit as stored, no grouping, a plain hyphen-minus
 * (Intl writes "−" in Norwegian, which nobody types), and the language's decimal mark.
 */
export function formatEditableNumber(n: number, locale: string): string {
  return String(n).replace(".", decimalMark(locale));
}

function decimalMark(locale: string): string {
  return new Intl.NumberFormat(intlTag(locale)).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}
