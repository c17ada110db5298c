import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

/** No (or an expired) session: calm words and the one thing to do. */
export async function SignedOutNotice() {
  const t = await getTranslations("agreement.signedOut");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="agreement-signed-out">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
      </main>
    </>
  );
}
