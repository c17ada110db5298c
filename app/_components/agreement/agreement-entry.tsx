"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { AgreementVersionSummary } from "@/lib/agreements/list-agreement-versions";

const POLL_MS = 10_000;

/**
 * The room's way to the agreement: prepare it, see exactly what is being signed, and sign. Shows
 * where the newest version stands, refreshed every few seconds.
 */
export function AgreementEntry({ meetingId, canPrepare }: { meetingId: string; canPrepare: boolean }) {
  const t = useTranslations("agreement");
  const [latest, setLatest] = useState<AgreementVersionSummary | null | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`/api/agreements?meetingId=${meetingId}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const { versions } = (await res.json()) as { versions: AgreementVersionSummary[] };
        setLatest(versions.at(-1) ?? null);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [meetingId]);

  const state = latest === undefined ? null : latest === null ? t("entry.none") : t(`entry.${latest.state}`, { version: latest.version });
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
      <p className="mt-2 font-medium text-slate-900" aria-live="polite" data-testid="agreement-entry-state">
        {state}
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
