import { messagesFor } from "../i18n/catalogue";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "../i18n/locales";

/** The language of the person who asked: their chosen language (cookie), else their browser's. */
export function localeOfRequest(headers: Headers | null | undefined): Locale {
  const cookie = headers?.get("cookie") ?? "";
  const chosen = cookie
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === LOCALE_COOKIE)?.[1];
  return isLocale(chosen) ? chosen : negotiateLocale(headers?.get("accept-language"));
}

/**
 * A message from the catalogue for an e-mail (outside React, so no next-intl): `{name}`
 * placeholders only, which is all our mail texts use.
 */
export function mailText(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messagesFor(locale));
  if (typeof value !== "string") throw new Error(`missing message ${key}`);
  return value.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
