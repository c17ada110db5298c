import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

/**
 * `wall`: on the shared screen, from 1024 px wide, the header gives way to the view (every line
 * counts on a wall): only the language choice stays, in the top right corner.
 */
export async function SiteHeader({ wall = false }: { wall?: boolean } = {}) {
  const t = await getTranslations("common");
  return (
    <header
      className={
        wall
          ? "border-b border-slate-200 bg-white lg:absolute lg:top-0 lg:right-0 lg:z-10 lg:border-0 lg:bg-transparent"
          : "border-b border-slate-200 bg-white"
      }
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className={`text-lg font-semibold text-slate-900 ${wall ? "lg:sr-only" : ""}`}>
          {t("appName")}
        </Link>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
