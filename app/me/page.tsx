import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { DueFromMeSection } from "@/app/_components/due-from-me-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("followup.due");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** /me: what is due from the signed-in person, on its own page (the home page shows the same). */
export default async function MePage() {
  const t = await getTranslations("followup.due");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <DueFromMeSection headingLevel={1} />
        <p className="mt-6 text-slate-700">{t("signedOutHint")}</p>
      </main>
    </>
  );
}
