"use server";

import { cookies } from "next/headers";
import { formAction } from "@/app/_server/action";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Remember the person's language for a year. Unknown values are ignored, not stored. No sign-in needed. */
export const setLocale = formAction({ auth: "none" }, async (_ctx, formData) => {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: false,
  });
});
