"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useLatestAgreement } from "./use-latest-agreement";

/**
 * The room's way to the agreement: prepare it, see exactly what is being signed, and sign. Shows
 * where the newest version stands, refreshed every few seconds.
 */
export function AgreementEntry({ meetingId, canPrepare }: { meetingId: string; canPrepare: boolean }) {
  const t = useTranslations("agreement");
  const latest = useLatestAgreement(meetingId);

  const state = latest === undefined ? null : latest === null ? t("entry.none") : t(`entry.${latest.state}`, { version: latest.version });
  // Read out when it changes while the person is here ("Version 2 is ready to sign"), not when the
  // first answer arrives just after the room opened: that is how things stood, not news.
  const [heard, setHeard] = useState<{ state: string | null; said: string }>({ state: null, said: "" });
  if (heard.state !== state) setHeard({ state, said: heard.state === null ? "" : (state ?? "") });
  return (
    <section
      id="agreement"
      aria-labelledby="agreement-entry-title"
      className="scroll-mt-24 rounded-xl border-2 border-blue-700 bg-white p-4 shadow-sm sm:p-6"
      data-testid="agreement-entry"
    >
      <h2 id="agreement-entry-title" className="text-xl font-semibold text-slate-900">
        {t("entry.title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("entry.intro")}</p>
      <p className="mt-2 font-medium text-slate-900" data-testid="agreement-entry-state">
        {state}
      </p>
      <p role="status" className="sr-only" data-testid="agreement-entry-announcer">
        {heard.said}
      </p>
      <Link
        href={`/meetings/${meetingId}/agreement`}
        className="mt-3 inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        data-testid="open-agreement"
      >
        {latest === null && canPrepare ? t("entry.prepare") : t("entry.open")}
      </Link>
    </section>
  );
}
