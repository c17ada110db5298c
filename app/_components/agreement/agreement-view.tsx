import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";
import type { PlanDrift } from "@/lib/followup/plan-drift";
import { BindButton } from "./bind-button";
import { DriftNotice } from "./drift-notice";
import { Fingerprint, FrozenAgreement } from "./frozen-agreement";
import { LiveStatus } from "./live-status";
import { SignPanel } from "./sign-panel";
import { liveStatusOf, statusKey } from "./types";

/**
 * One agreement version: where it stands (live), the frozen text with its fingerprint, signing,
 * and the downloads. Used by the meeting's agreement page and by /agreements/<id>.
 */
export function AgreementView({ agreement: a, drift = null }: { agreement: AgreementForParticipant; drift?: PlanDrift | null }) {
  const t = useTranslations("agreement");
  const status = liveStatusOf(a);
  const open = a.state === "awaiting_signatures";
  const waitingSupporters = a.parties.filter((p) => p.signs === "supporter" && p.state === "pending").map((p) => p.name);
  const canWitness = a.me.canWitness && a.parties.some((p) => p.participantId !== a.me.participantId && p.state !== "signed");
  const hasSomethingToSign = open && ((a.me.party && a.me.party.state !== "signed") || canWitness);

  return (
    <div className="space-y-6">
      {drift ? <DriftNotice drift={drift} canPrepare={a.me.canPrepare} /> : null}
      <LiveStatus key={statusKey(status)} initial={status} />
      {a.readyToBind && a.me.canPrepare && waitingSupporters.length > 0 ? (
        <BindButton agreementId={a.id} waitingFor={waitingSupporters} />
      ) : null}
      {hasSomethingToSign ? (
        <p>
          <a href="#sign" className="font-medium text-blue-800 underline">
            {t("skipToSign")}
          </a>
        </p>
      ) : null}
      <Fingerprint value={a.fingerprint} />
      {a.presentation ? <FrozenAgreement presentation={a.presentation.content} lang={a.presentation.locale} /> : null}
      <SignPanel
        agreementId={a.id}
        fingerprint={a.fingerprint}
        open={open}
        me={{ participantId: a.me.participantId, name: a.me.name, party: a.me.party, canWitness: a.me.canWitness }}
        parties={a.parties}
        roomHref={a.meetingId ? `/meetings/${a.meetingId}` : null}
      />
      {a.me.canExport ? (
        <section
          aria-labelledby="out-title"
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          data-testid="agreement-downloads"
        >
          <h2 id="out-title" className="text-xl font-semibold text-slate-900">
            {t("outTitle")}
          </h2>
          <ul className="mt-3 space-y-2">
            <li>
              <a
                href={`/api/agreements/${a.id}/pdf`}
                className="font-medium text-blue-800 underline"
                target="_blank"
                rel="noopener"
                data-testid="download-pdf"
              >
                {t("downloadPdf")}
              </a>
            </li>
            {a.sealed ? (
              <li>
                <a
                  href={`/api/agreements/${a.id}/bundle`}
                  download
                  className="font-medium text-blue-800 underline"
                  data-testid="download-bundle"
                >
                  {t("downloadBundle")}
                </a>
                <p className="text-sm text-slate-700">{t("bundleHelp")}</p>
              </li>
            ) : (
              <li className="text-slate-700">{t("bundleLater")}</li>
            )}
            <li>
              <Link href="/verify" className="font-medium text-blue-800 underline">
                {t("verifyLink")}
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
