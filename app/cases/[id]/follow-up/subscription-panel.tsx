"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";

/**
 * The person's own calendar subscription link: made here and shown once (only its hash is kept),
 * made anew (the old one stops), or stopped. Calendar apps fetch it without signing in, which is
 * why it can be stopped at any time.
 */
export function SubscriptionPanel({
  caseId,
  active,
  sinceText,
  lastUsedText,
}: {
  caseId: string;
  active: boolean;
  sinceText: string | null;
  lastUsedText: string | null;
}) {
  const t = useTranslations("followup.calendar");
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "working" | "failed" | "stopped" | "copied">("idle");
  const path = `/api/cases/${caseId}/calendar-subscription`;

  // make and stop never reject: sendJson answers a failed fetch as { ok: false }, shown as an
  // error; so the buttons may `void` them.
  const make = async () => {
    setState("working");
    const res = await sendJson(path, "POST");
    if (res.ok && typeof res.body.url === "string") {
      setUrl(res.body.url);
      setState("idle");
      router.refresh();
    } else setState("failed");
  };
  const stop = async () => {
    setState("working");
    const res = await sendJson(path, "DELETE");
    if (res.ok) {
      setUrl(null);
      setState("stopped");
      router.refresh();
    } else setState("failed");
  };

  // Never rejects: without clipboard access the address stays in the field to copy by hand.
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("idle");
    }
  };

  return (
    <div className="mt-3 rounded-lg border border-slate-200 p-3" data-testid="subscription-panel" data-active={active || undefined}>
      <h3 className="font-semibold text-slate-900">{t("subscribeTitle")}</h3>
      <p className="text-slate-700">{t("subscribeIntro")}</p>
      {active && !url ? (
        <p className="mt-1 text-sm text-slate-800" data-testid="subscription-active">
          {t("active", { since: sinceText ?? "" })} {lastUsedText ? t("lastUsed", { when: lastUsedText }) : t("neverUsed")}
        </p>
      ) : null}
      {url ? (
        <div className="mt-2">
          <label htmlFor="subscription-url" className={labelClass}>
            {t("yourLink")}
          </label>
          <p className={hintClass}>{t("shownOnce")}</p>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="subscription-url"
              readOnly
              value={url}
              className={`${inputClass} min-w-0 flex-1`}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="subscription-url"
            />
            <button type="button" className={buttonClass} onClick={() => void copy(url)}>
              {t("copy")}
            </button>
          </div>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={active ? buttonClass : primaryButtonClass}
          onClick={() => void make()}
          disabled={state === "working"}
          data-testid="subscription-make"
        >
          {active ? t("makeNew") : t("make")}
        </button>
        {active ? (
          <button
            type="button"
            className={buttonClass}
            onClick={() => void stop()}
            disabled={state === "working"}
            data-testid="subscription-stop"
          >
            {t("stop")}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {state === "copied" ? <p className={noticeClass}>{t("copied")}</p> : null}
        {state === "stopped" ? (
          <p className={noticeClass} data-testid="subscription-stopped">
            {t("stopped")}
          </p>
        ) : null}
        {state === "failed" ? <p className={errorClass}>{t("failed")}</p> : null}
      </div>
    </div>
  );
}
