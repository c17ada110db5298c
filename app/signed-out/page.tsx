import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.signOut");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/** Where sign-out lands: calm words, and the one way back. */
export default async function SignedOutPage() {
  const t = await getTranslations("privacy.signOut");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="signed-out">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
        <p className="mt-6">
          <Link href="/" className="font-medium text-blue-800 underline underline-offset-2">
            {t("home")}
          </Link>
        </p>
      </main>
    </>
  );
}
