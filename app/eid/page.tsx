import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { alertClass } from "@/app/_components/ui/classes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement.eid.result");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

const REASONS = ["refused", "expired", "failed"] as const;

/** /eid?result=…: an eID confirmation that did not work, in calm words, and the way to sign without it. */
export default async function EidResultPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  const { result } = await searchParams;
  const t = await getTranslations("agreement.eid.result");
  const reason = (REASONS as readonly string[]).includes(result ?? "") ? (result as (typeof REASONS)[number]) : "failed";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="eid-result">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p role="alert" className={`mt-4 ${alertClass}`}>
          {t(reason)}
        </p>
        <p className="mt-6 text-lg text-slate-700">{t("back")}</p>
      </main>
    </>
  );
}
