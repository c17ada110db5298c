"use server";

import { cookies } from "next/headers";
import { formAction } from "@/app/_server/action";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { identify } from "@/lib/access/resolve-access";
import { rememberLanguage } from "@/lib/reminders/remember-language";
import { readCredentials } from "@/app/_server/credentials";

/** Remember the person's language for a year (and for their reminders). Unknown values are ignored, not stored. No sign-in needed. */
export const setLocale = formAction({ auth: "none" }, async (_ctx, formData) => {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: false,
  });
  // Whoever is signed in gets their reminders in it too.
  await rememberLanguage(await identify(await readCredentials()), locale);
});
