import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { describeProblem, type Problem } from "@/lib/agreements/verification-problem";

/**
 * "This agreement's record was altered": shown instead of an agreement whose stored record no
 * longer proves itself (lib/agreements/verify-stored-agreement.ts). Plain words, what to do, and
 * the technical reason in the reader's language for whoever looks into it.
 */
export async function AlteredRecordNotice({ problem }: { problem: Problem }) {
  const t = await getTranslations("agreementAltered");
  const why = describeProblem(problem, await getLocale());
  return (
    <section
      className="rounded-xl border-2 border-red-700 bg-red-50 p-4 sm:p-6"
      data-testid="agreement-altered"
      aria-labelledby="agreement-altered-title"
    >
      <h1 id="agreement-altered-title" className="text-2xl font-semibold text-red-900">
        {t("title")}
      </h1>
      <p className="mt-3 text-lg text-red-950">{t("body")}</p>
      <p className="mt-3 text-red-950">{t("whatNow")}</p>
      <p className="mt-3 font-mono text-sm break-words text-red-950" data-testid="agreement-altered-why">
        {t("technical", { why })}
      </p>
      <p className="mt-3">
        <Link href="/verify" className="text-blue-800 underline">
          {t("verifyLink")}
        </Link>
      </p>
    </section>
  );
}

/** The whole page, for a route that has nothing else to show. */
export function AlteredAgreementPage({ problem }: { problem: Problem }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-16 outline-none">
        <AlteredRecordNotice problem={problem} />
      </main>
    </>
  );
}
