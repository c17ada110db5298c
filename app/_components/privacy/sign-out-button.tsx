"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

/**
 * "Sign out on this device". Posts with fetch (its Origin is always sent), then goes to
 * /signed-out; the answer ends the session, closes its sockets and clears this site's cache and
 * storage (Clear-Site-Data). The plain form is there for completeness: a native form POST from a
 * page whose referrer policy is no-referrer carries `Origin: null`, which the Origin check refuses.
 */
export function SignOutButton() {
  const t = useTranslations("privacy.signOut");
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  // Never rejects: a failed request is caught and shown, so the form's handler may `void` it.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState("busy");
    try {
      const res = await fetch("/api/session/sign-out", { method: "POST", credentials: "same-origin", redirect: "manual" });
      if (res.type === "opaqueredirect" || res.ok) {
        // A full page load on purpose (not router.push): it drops every in-memory document of this tab.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/signed-out");
        return;
      }
    } catch {
      // Shown below; the person can simply try again.
    }
    setState("failed");
  };
  return (
    <div className="mx-auto max-w-5xl px-4 pb-10">
      <form
        method="post"
        action="/api/session/sign-out"
        onSubmit={(e) => void submit(e)}
        className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4"
      >
        <button
          type="submit"
          disabled={state === "busy"}
          className="inline-flex min-h-10 items-center justify-center rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
          data-testid="sign-out"
        >
          {t("button")}
        </button>
        <p className="text-sm text-slate-700">{t("hint")}</p>
        <p className="w-full text-sm font-medium text-red-800" aria-live="polite">
          {state === "failed" ? t("failed") : null}
        </p>
      </form>
    </div>
  );
}
