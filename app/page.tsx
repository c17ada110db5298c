import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "./_components/site-header";
import { DueFromMeSection } from "@/app/_components/due-from-me-section";

export default async function HomePage() {
  const t = await getTranslations("home");
  const tStaff = await getTranslations("staff.home");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("intro")}</p>
        <DueFromMeSection />
        <section aria-labelledby="how" className="mt-8 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="how" className="text-xl font-semibold">
            {t("howTitle")}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6 text-slate-700">
            <li>{t("how1")}</li>
            <li>{t("how2")}</li>
            <li>{t("how3")}</li>
          </ol>
          <p className="mt-4 text-slate-700">{t("joinHint")}</p>
        </section>
        <p className="mt-6 text-slate-700">
          {tStaff("caseworkers")}{" "}
          <Link href="/signin" className="font-medium text-blue-800 underline underline-offset-2" data-testid="home-signin">
            {tStaff("signIn")}
          </Link>
        </p>
      </main>
    </>
  );
}
