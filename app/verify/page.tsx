import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { VerifyForm } from "./verify-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("title") };
}

/** /verify: anyone can check an agreement's verification file, without signing in. */
export default async function VerifyPage() {
  const t = await getTranslations("verify");
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-16 outline-none">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-lg text-slate-700">{t("intro")}</p>
        <div className="mt-6">
          <VerifyForm />
        </div>
        <section aria-labelledby="offline-title" className="mt-8 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="offline-title" className="text-lg font-semibold text-slate-900">
            {t("offlineTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("offlineBody")}</p>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-sm">{t("offlineCommand")}</pre>
          <p className="mt-2 text-slate-700">
            {t("keysHint")}{" "}
            <a href="/.well-known/stepwise-keys.json" className="text-blue-800 underline">
              /.well-known/stepwise-keys.json
            </a>
          </p>
        </section>
      </main>
    </>
  );
}
