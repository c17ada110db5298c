import type { ClientFacts } from "@/lib/agreements/client-facts";
import { cookieValue } from "@/lib/access/organisation-of-cookies";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { clientIpOf } from "@/lib/web-security/forwarded-headers";

/**
 * Small readers of a Request itself (not next/headers), so a route handler can be called
 * directly from a test. Credentials are read in credentials.ts, forwarded headers in
 * lib/web-security/forwarded-headers.ts.
 */

/** The first of these cookies the request carries, decoded. */
export function cookieOf(req: Request, names: readonly string[]): string | undefined {
  return cookieValue(req.headers.get("cookie") ?? undefined, names) ?? undefined;
}

/** The reader's language: their choice (cookie), else their browser's, else Danish. */
export function localeOf(req: Request): Locale {
  const chosen = cookieOf(req, [LOCALE_COOKIE]);
  return isLocale(chosen) ? chosen : negotiateLocale(req.headers.get("accept-language"));
}

/** What the request says about the device, recorded with evidence "as reported" (a proxy may set it). */
export function clientOf(req: Request): ClientFacts {
  const ua = req.headers.get("user-agent");
  return { ip: clientIpOf(req.headers), userAgent: ua ? ua.slice(0, 400) : null };
}
