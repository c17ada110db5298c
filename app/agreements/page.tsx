import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { listAgreementVersions } from "@/lib/agreements/list-agreement-versions";
import { recordAgreementVersionsShown } from "@/lib/audit/record-agreement-versions-shown";
import { isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { AgreementVersionsList } from "@/app/_components/agreement/versions-list";
import { SignedOutNotice } from "@/app/_components/agreement/signed-out-notice";
import { pageAccess } from "@/app/_server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement");
  return { title: t("versionsTitle"), robots: { index: false, follow: false } };
}

/**
 * All versions of a case, the binding one marked: the case of `?meeting=<id>` (a signed-in
 * caseworker has several), else the case of the participant's session.
 */
export default async function AgreementsPage({ searchParams }: { searchParams: Promise<{ meeting?: string }> }) {
  const { meeting } = await searchParams;
  const t = await getTranslations("agreement");
  let me;
  try {
    me = (await pageAccess(typeof meeting === "string" ? { meetingId: meeting } : "own-case")).me;
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") return <SignedOutNotice />;
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) notFound();
    throw e;
  }
  const versions = await listAgreementVersions({ me });
  await recordAgreementVersionsShown(me);
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-16 outline-none">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("versionsTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("versionsIntro")}</p>
        <div className="mt-6">
          <AgreementVersionsList versions={versions} />
        </div>
      </main>
    </>
  );
}
