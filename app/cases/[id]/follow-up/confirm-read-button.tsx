"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";

/** "I have read the binding agreement": the receipt is for exactly the version (fingerprint) shown. */
export function ConfirmReadButton({
  caseId,
  agreementId,
  fingerprint,
  version,
}: {
  caseId: string;
  agreementId: string;
  fingerprint: string;
  version: number;
}) {
  const t = useTranslations("followup.read");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "saving" | "failed" | "changed">("idle");
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={primaryButtonClass}
        disabled={state === "saving"}
        onClick={() => {
          setState("saving");
          // sendJson never rejects: a failed fetch comes back as { ok: false } and is shown.
          void sendJson(`/api/cases/${caseId}/read-receipts`, "POST", { agreementId, fingerprint }).then((res) => {
            if (res.ok) router.refresh();
            else setState(res.code === "CONFLICT" ? "changed" : "failed");
          });
        }}
        data-testid="confirm-read"
      >
        {t("confirm", { version })}
      </button>
      <div aria-live="polite">
        {state === "failed" ? <p className={errorClass}>{t("failed")}</p> : null}
        {state === "changed" ? <p className={errorClass}>{t("changed")}</p> : null}
      </div>
    </div>
  );
}
