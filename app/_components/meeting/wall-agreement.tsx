"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { AgreementVersionSummary } from "@/lib/agreements/list-agreement-versions";
import type { LiveStatus } from "../agreement/types";

const POLL_MS = 5000;

type Shown = { version: number; state: "awaiting_signatures" | "binding"; missing: { name: string; role: string }[] } | null;

/** The newest version of this meeting's agreement and who still has to sign it, polled. */
function useWallAgreement(meetingId: string): Shown {
  const [shown, setShown] = useState<Shown>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`/api/agreements?meetingId=${encodeURIComponent(meetingId)}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const latest = ((await res.json()) as { versions: AgreementVersionSummary[] }).versions.at(-1);
        // Only this meeting's version: an older meeting's binding agreement is not news on the wall.
        if (!latest || latest.meetingId !== meetingId || (latest.state !== "awaiting_signatures" && latest.state !== "binding")) {
          if (!stopped) setShown(null);
          return;
        }
        const st = await fetch(`/api/agreements/${encodeURIComponent(latest.id)}`, { cache: "no-store" });
        if (!st.ok || stopped) return;
        const status = (await st.json()) as LiveStatus;
        const missing = status.parties
          .filter((p) => p.signs === "required" && p.state !== "signed")
          .map((p) => ({ name: p.name, role: p.role }));
        setShown({ version: latest.version, state: latest.state, missing });
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
  return shown;
}

/**
 * On the wall, once the chair has prepared the agreement: that it is ready to sign, and whose
 * signatures are still missing (names and roles, nothing of why someone declined).
 */
export function WallAgreement({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meeting.present");
  const ta = useTranslations("agreement.entry");
  const tr = useTranslations("roles");
  const shown = useWallAgreement(meetingId);
  if (!shown) return null;
  const names = shown.missing.map((p) => t("personWithRole", { name: p.name, role: tr(p.role) })).join(", ");
  return (
    <section
      aria-labelledby="present-agreement"
      className="shrink-0 rounded-xl border-4 border-blue-800 bg-blue-50 p-3 2xl:p-4"
      data-testid="present-agreement"
      data-state={shown.state}
    >
      <h2 id="present-agreement" className="text-lg font-bold 2xl:text-2xl">
        {shown.state === "binding" ? ta("binding", { version: shown.version }) : t("readyToSign", { version: shown.version })}
      </h2>
      {shown.state === "awaiting_signatures" ? (
        <p className="mt-1 text-base 2xl:text-xl" data-testid="present-agreement-missing">
          {shown.missing.length > 0 ? t("stillToSign", { names }) : t("allSigned")}
        </p>
      ) : null}
    </section>
  );
}
