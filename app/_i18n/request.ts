import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/catalogue";

/** The person's chosen language (cookie), else their browser's, else Danish. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "Europe/Copenhagen",
  };
});
