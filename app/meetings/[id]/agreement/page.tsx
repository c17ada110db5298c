import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { ClosingNotice } from "@/app/_components/meeting/closing-notice";
import { AgreementView } from "@/app/_components/agreement/agreement-view";
import { PrepareForm } from "@/app/_components/agreement/prepare-form";
import { SignedOutNotice } from "@/app/_components/agreement/signed-out-notice";
import { VersionWatcher } from "@/app/_components/agreement/version-watcher";
import { getAgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";
import { getPlanDrift } from "@/lib/followup/plan-drift";
import { listAgreementVersions } from "@/lib/agreements/list-agreement-versions";
import { recordMeetingRoomShown } from "@/lib/audit/record-meeting-room-shown";
import { listMeetingParticipants } from "@/lib/meetings/list-meeting-participants";
import { loadMeetingViewer as load } from "@/app/meetings/[id]/load-meeting-viewer";
import { can } from "@/lib/permissions";
import { AlteredAgreementPage } from "@/app/_components/agreement/altered-notice";
import { agreementRecordProblem } from "@/lib/agreements/agreement-record-problem";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The meeting's agreement: the chair prepares it here; everyone reads exactly what is being signed
 * (the newest version of the case, rendered from its frozen bytes) and signs, on their own device
 * or in turn at the caseworker's shared screen.
 */
export default async function MeetingAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ amend?: string }>;
}) {
  const { id } = await params;
  const wantsNewVersion = (await searchParams).amend === "1";
  const loaded = await load(id);
  if (!loaded.ok && loaded.reason === "not_found") notFound();
  const t = await getTranslations("agreement");
  if (!loaded.ok) return <SignedOutNotice />;

  const { ctx } = loaded;
  // The treating doctor reads their part of the binding version on the meeting page, not here.
  if (!can(ctx.me.role, "view", "agreement")) notFound();
  const versions = await listAgreementVersions({ me: ctx.me });
  const latest = versions.at(-1);
  // The newest version's stored record no longer proves itself: say so, never show it (issue 12.6).
  const altered = latest ? await agreementRecordProblem(ctx.me, latest.id) : null;
  if (altered) return <AlteredAgreementPage problem={altered} />;
  const agreement = latest ? await getAgreementForParticipant({ me: ctx.me, agreementId: latest.id, locale: await getLocale() }) : null;
  // With no version yet the page shows the meeting's closing check instead: a showing of the room's data.
  if (!agreement) await recordMeetingRoomShown(ctx);
  // The room changed after this version was frozen: said at the top, with what differs (lib/followup/plan-drift.ts).
  const drift = latest ? await getPlanDrift({ me: ctx.me, agreementId: latest.id, locale: await getLocale() }) : null;
  const canPrepare = can(ctx.me.role, "prepare", "agreement");
  const unionRep = canPrepare ? ((await listMeetingParticipants(ctx)).find((p) => p.role === "union_rep")?.displayName ?? null) : null;

  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-16 outline-none">
        <nav aria-label={t("breadcrumbs")} className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href={`/meetings/${id}`} className="text-blue-800 underline" data-testid="back-to-room">
                {t("backToRoom")}
              </Link>
            </li>
            {versions.length > 0 ? (
              <li>
                <Link href={`/agreements?meeting=${id}`} className="text-blue-800 underline">
                  {t("allVersions", { count: versions.length })}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <p className="mt-4 text-sm font-medium text-slate-700">{ctx.meeting.title}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900 sm:text-3xl">{t("pageTitle")}</h1>

        <div className="mt-6 space-y-6">
          {canPrepare && (!latest || latest.meetingId !== id) ? <ClosingNotice ctx={ctx} /> : null}
          {canPrepare && (!latest || latest.meetingId !== id) ? (
            <section
              aria-labelledby="prepare-title"
              className="rounded-xl border-2 border-blue-700 bg-white p-4 shadow-sm sm:p-6"
              data-testid="prepare-section"
            >
              <h2 id="prepare-title" className="text-xl font-semibold text-slate-900">
                {latest ? t("prepareNextTitle", { version: latest.version + 1 }) : t("prepareTitle")}
              </h2>
              {latest ? <p className="mt-2 text-slate-800">{t("prepareNextExplain", { version: latest.version })}</p> : null}
              <div className="mt-3">
                <PrepareForm meetingId={id} unionRep={unionRep} amend={latest !== undefined} />
              </div>
            </section>
          ) : null}
          {!agreement && !canPrepare ? (
            <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-800" data-testid="not-prepared">
              {t("notPreparedYet")}
            </p>
          ) : null}
          {agreement && latest && latest.meetingId !== id ? (
            <h2 className="text-xl font-semibold text-slate-900">{t("earlierVersionTitle", { version: latest.version })}</h2>
          ) : null}
          {agreement ? <AgreementView agreement={agreement} drift={drift} /> : null}
          {agreement && canPrepare && latest?.meetingId === id ? (
            <details
              id="amend"
              open={wantsNewVersion || undefined}
              className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
              data-testid="amend"
            >
              <summary className="cursor-pointer text-lg font-semibold text-slate-900">
                {t("amendTitle", { version: latest.version + 1 })}
              </summary>
              <div className="mt-3">
                <PrepareForm
                  meetingId={id}
                  unionRep={unionRep}
                  amend
                  defaultReason={drift ? t("drift.reason", { version: latest.version }) : ""}
                />
              </div>
            </details>
          ) : null}
        </div>
        <VersionWatcher meetingId={id} count={versions.length} />
      </main>
    </>
  );
}
