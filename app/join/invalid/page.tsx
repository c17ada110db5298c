import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

type Props = { searchParams: Promise<{ reason?: string }> };

function reasonKey(reason: string | undefined): "gone" | "unknown" | "error" {
  return reason === "gone" ? "gone" : reason === "unknown" ? "unknown" : "error";
}

/** The tab names what happened to the link, as the heading does. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t(`${reasonKey((await searchParams).reason)}.title`), robots: { index: false, follow: false } };
}

/** Where a join link that cannot be used lands: calm words, no blame, what to do next. */
export default async function InvalidJoinLinkPage({ searchParams }: Props) {
  const t = await getTranslations("join");
  const key = reasonKey((await searchParams).reason);
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
