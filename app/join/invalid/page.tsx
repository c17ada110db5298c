import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

/** Where a join link that cannot be used lands: calm words, no blame, what to do next. */
export default async function InvalidJoinLinkPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const t = await getTranslations("join");
  const { reason } = await searchParams;
  const key = reason === "gone" ? "gone" : reason === "unknown" ? "unknown" : "error";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12">
        <h1 className="text-2xl font-semibold">{t(`${key}.title`)}</h1>
        <p className="mt-4 text-lg text-slate-700">{t(`${key}.body`)}</p>
        <p className="mt-4 text-slate-700">{t("askCaseworker")}</p>
      </main>
    </>
  );
}
