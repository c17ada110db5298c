import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { getAgreementForParticipant, type AgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";
import { isAppError } from "@/lib/errors";
import { getPlanDrift, type PlanDrift } from "@/lib/followup/plan-drift";
import { AgreementView } from "@/app/_components/agreement/agreement-view";
import { SignedOutNotice } from "@/app/_components/agreement/signed-out-notice";
import { pageAccess } from "@/app/_server/page-access";
import { AlteredAgreementPage } from "@/app/_components/agreement/altered-notice";
import { isAgreementAltered } from "@/lib/agreements/agreement-altered";
import { eidStatusFor, type EidStatus } from "@/lib/eid/eid-status";
import { serverNow } from "@/lib/time/server-clock";
import { EidOffer } from "@/app/_components/agreement/eid-offer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** One version of the case's agreement, rendered from its frozen bytes, with its signatures. */
export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ eid?: string }>;
}) {
  const { id } = await params;
  const { eid: eidResult } = await searchParams;
  const t = await getTranslations("agreement");
  let agreement: AgreementForParticipant;
  let drift: PlanDrift | null;
  let eid: EidStatus | null;
  try {
    const { me } = await pageAccess({ agreementId: id });
    agreement = await getAgreementForParticipant({ me, agreementId: id, locale: await getLocale() });
    drift = await getPlanDrift({ me, agreementId: id, locale: await getLocale() });
    // Only while this person still has to decide on an open version.
    const mine = agreement.me.party;
    eid = agreement.state === "awaiting_signatures" && mine && mine.state !== "signed" ? await eidStatusFor(me, serverNow()) : null;
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") return <SignedOutNotice />;
    // Another case's agreement looks exactly like one that does not exist.
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) notFound();
    // Its stored record no longer proves itself: say so, never show the changed text, never a bare 500.
    if (isAgreementAltered(e)) return <AlteredAgreementPage problem={e.problem} />;
    throw e;
  }
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-16 outline-none">
        <nav aria-label={t("breadcrumbs")} className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {agreement.meetingId ? (
              <li>
                <Link href={`/meetings/${agreement.meetingId}`} className="text-blue-800 underline">
                  {t("backToRoom")}
                </Link>
              </li>
            ) : null}
            <li>
              <Link
                href={agreement.meetingId ? `/agreements?meeting=${agreement.meetingId}` : "/agreements"}
                className="text-blue-800 underline"
              >
                {t("allVersions", { count: agreement.latestVersion })}
              </Link>
            </li>
          </ul>
        </nav>
        <h1 className="mt-4 text-2xl font-semibold text-slate-900 sm:text-3xl">{t("versionHeading", { version: agreement.version })}</h1>
        {agreement.reason ? <p className="mt-2 text-slate-800">{t("changeReason", { reason: agreement.reason })}</p> : null}
        {eid ? (
          <div className="mt-6">
            <EidOffer status={eid} returnTo={`/agreements/${id}`} justConfirmed={eidResult === "ok"} />
          </div>
        ) : null}
        <div className="mt-6">
          <AgreementView agreement={agreement} drift={drift} />
        </div>
      </main>
    </>
  );
}
