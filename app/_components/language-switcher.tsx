import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/_actions/set-locale";
import { LOCALES } from "@/lib/i18n/locales";

/** Three plain buttons, each labelled in its own language, the current one marked. */
export async function LanguageSwitcher() {
  const t = await getTranslations("language");
  const current = await getLocale();
  return (
    <form action={setLocale} className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === current}
          className={`rounded px-2 py-1 ${l === current ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-200"}`}
        >
          {t(`name.${l}`)}
        </button>
      ))}
    </form>
  );
}
