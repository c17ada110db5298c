"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "../send-json";

/**
 * Every required signature is in, but a supporter has not decided: the chair may make it binding
 * now instead of waiting (the supporter can no longer sign this version afterwards).
 */
export function BindButton({ agreementId, waitingFor }: { agreementId: string; waitingFor: string[] }) {
  const t = useTranslations("agreement");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bind = async () => {
    setBusy(true);
    const r = await sendJson(`/api/agreements/${agreementId}/seal`, "POST", {});
    setBusy(false);
    if (r.ok) return router.refresh();
    setError(t(r.status === 409 ? "errors.bindConflict" : "errors.generic", { name: "" }));
  };
  return (
    <div className="rounded-xl border border-slate-300 bg-white p-4" data-testid="bind-now">
      <p className="text-slate-800">{t("bindExplain", { names: waitingFor.join(", ") })}</p>
      <button type="button" className={`${primaryButtonClass} mt-3`} disabled={busy} onClick={() => void bind()} data-testid="bind-submit">
        {t("bindNow")}
      </button>
      <p className="mt-2 text-sm font-medium text-red-800" aria-live="assertive">
        {error}
      </p>
    </div>
  );
}
