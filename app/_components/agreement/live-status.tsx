"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { describeAuthMethod } from "@/lib/agreements/auth-method-meaning";
import { ASSURANCE_LEVELS, type AssuranceLevel } from "@/lib/eid/assurance-level";
import { statusKey, type LiveStatus as Status } from "./types";

const POLL_MS = 3000;

/**
 * Who has signed, declined or not yet, and whether the version binds: polled every few seconds
 * (simple and robust behind any proxy). When something changes, the server parts of the page
 * are refreshed too, so the signing panel and the downloads follow. The page remounts this with
 * `key={statusKey(initial)}`, so a refreshed page starts from its fresh status.
 */
export function LiveStatus({ initial }: { initial: Status }) {
  const t = useTranslations("agreement");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const key = useRef(statusKey(initial));

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/api/agreements/${initial.id}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const next = (await res.json()) as Status;
        const k = statusKey(next);
        if (k !== key.current) {
          key.current = k;
          setStatus(next);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [initial.id, router]);

  const required = status.parties.filter((p) => p.signs === "required");
  const signedRequired = required.filter((p) => p.state === "signed").length;
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });

  return (
    <section
      aria-labelledby="status-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="agreement-status"
    >
      <h2 id="status-title" className="text-xl font-semibold text-slate-900">
        {t("statusTitle", { version: status.version })}
      </h2>
      <div role="status" aria-live="polite" className="mt-3">
        <StateBanner status={status} when={when} signed={signedRequired} total={required.length} />
      </div>
      <ul className="mt-4 divide-y divide-slate-200" data-testid="signer-list">
        {status.parties.map((p) => (
          <li
            key={p.participantId}
            className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
            data-testid={`signer-${p.role}`}
            data-state={p.state}
          >
            <span>
              <span className="font-medium text-slate-900">{p.name}</span>{" "}
              <span className="text-slate-700">
                ({roles(p.role)}
                {p.signs === "supporter" ? `, ${t("supporter")}` : ""})
              </span>
            </span>
            <span
              className={
                p.state === "signed" ? "font-medium text-green-800" : p.state === "declined" ? "font-medium text-red-800" : "text-slate-700"
              }
            >
              {p.state === "signed"
                ? t("signedAt", { when: when(p.at!) })
                : p.state === "declined"
                  ? t("declinedAt", { when: when(p.at!) })
                  : p.signs === "required"
                    ? t("pending")
                    : t("pendingSupporter")}
            </span>
            {p.state === "declined" && p.reason ? (
              <span className="w-full text-sm text-slate-800">{t("declineReasonShown", { reason: p.reason })}</span>
            ) : null}
            {p.state === "signed" && p.authMethod ? <SignedHow authMethod={p.authMethod} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StateBanner({ status, when, signed, total }: { status: Status; when: (at: string) => string; signed: number; total: number }) {
  const t = useTranslations("agreement");
  const tone =
    status.state === "binding"
      ? "border-green-700 bg-green-50 text-green-950"
      : status.state === "awaiting_signatures"
        ? "border-amber-700 bg-amber-50 text-amber-950"
        : "border-slate-500 bg-slate-100 text-slate-900";
  const text =
    status.state === "binding"
      ? t("state.binding", { when: when(status.sealed!.at) })
      : status.state === "replaced"
        ? t("state.replaced", { latest: status.latestVersion })
        : status.state === "withdrawn"
          ? t("state.withdrawn", { latest: status.latestVersion })
          : status.readyToBind
            ? t("state.readyToBind")
            : t("state.awaiting", { signed, total });
  return (
    <p className={`rounded-lg border-2 p-3 font-semibold ${tone}`} data-testid="agreement-state" data-state={status.state}>
      {text}
    </p>
  );
}

/** At the caseworker's screen, and — plainly — when the signer was never connected to the meeting. */
function SignedHow({ authMethod }: { authMethod: string }) {
  const t = useTranslations("agreement");
  const how = describeAuthMethod(authMethod);
  if (how.kind === "eid") {
    const level = (ASSURANCE_LEVELS as readonly string[]).includes(how.level) ? t(`eidLevel.${how.level as AssuranceLevel}`) : how.acr;
    return (
      <span className="w-full text-sm text-slate-700" data-testid="signed-how" data-eid-level={how.level}>
        {t("signedWithEid", { level })}
      </span>
    );
  }
  if (how.kind !== "in-person") return null;
  return (
    <span
      className={`w-full text-sm ${how.signerConnected ? "text-slate-700" : "font-medium text-amber-900"}`}
      data-testid="signed-how"
      data-connected={how.signerConnected ? "true" : "false"}
    >
      {t(how.signerConnected ? "signedAtScreen" : "signedAtScreenNotConnected")}
    </span>
  );
}
