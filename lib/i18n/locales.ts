/** Danish by default, Norwegian Bokmål and English. */
export const LOCALES = ["da", "nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "da";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/**
 * Pick the language from an Accept-Language header: `da`, `nb`/`no`/`nn` (Norwegian Bokmål),
 * `en`; anything else gets Danish. Honours q-values and order.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((x) => x.tag && x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "da") return "da";
    if (primary === "nb" || primary === "no" || primary === "nn") return "nb";
    if (primary === "en") return "en";
  }
  return DEFAULT_LOCALE;
}
