import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./locales";

/**
 * The language of a command-line program: `--lang` when given, else the POSIX locale settings in
 * their order of precedence (LC_ALL, LC_MESSAGES, LANG: `da_DK.UTF-8` → da, `nb_NO`/`no_NO`/`nn_NO`
 * → nb, `en_GB` → en), else Danish, the product's default — also for `C`/`POSIX`, which say
 * nothing about a language.
 */
export function localeFromEnv(flag: string | undefined, env: Record<string, string | undefined>): Locale {
  if (isLocale(flag)) return flag;
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  if (!setting) return DEFAULT_LOCALE;
  // "nb_NO.UTF-8@euro" → "nb-no"; negotiateLocale maps the primary tag.
  return negotiateLocale(setting.split(/[.@]/)[0]!.replace("_", "-"));
}
