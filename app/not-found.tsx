import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

/** The tab says what happened, not only the product's name. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site.notFound");
  return { title: t("title") };
}

/** Any unknown address: the same header (and language switch) as every page, and one way on. */
export default async function NotFound() {
  const t = await getTranslations("site.notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="not-found">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
        <p className="mt-4">
          <Link href="/" className="text-blue-800 underline underline-offset-2">
            {t("home")}
          </Link>
        </p>
      </main>
    </>
  );
}
