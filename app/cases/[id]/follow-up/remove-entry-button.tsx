"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass, errorClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";

/** Remove one's own mistyped entry, with a second step so a slip of the thumb removes nothing. Escape keeps. */
export function RemoveEntryButton({ caseId, entryId, what }: { caseId: string; entryId: string; what: string }) {
  const t = useTranslations("followup.progress");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const keep = () => closeAndFocus(() => setConfirming(false), askRef);
  if (!confirming) {
    return (
      <button
        ref={askRef}
        type="button"
        className={buttonClass}
        onClick={() => setConfirming(true)}
        aria-label={t("removeNamed", { what })}
        data-testid="progress-remove"
      >
        {t("remove")}
      </button>
    );
  }
  return (
    <span
      className="inline-flex flex-wrap items-center gap-2"
      role="group"
      aria-label={t("removeNamed", { what })}
      onKeyDown={(e) => {
        if (e.key === "Escape") keep();
      }}
    >
      <button
        type="button"
        className={buttonClass}
        autoFocus
        onClick={() => {
          // sendJson never rejects: a failed fetch comes back as { ok: false } and is shown.
          void sendJson(`/api/cases/${caseId}/progress/${entryId}`, "DELETE").then((res) => {
            if (res.ok) router.refresh();
            else setFailed(true);
          });
        }}
        data-testid="progress-remove-confirm"
      >
        {t("removeConfirm")}
      </button>
      <button type="button" className={buttonClass} onClick={keep}>
        {t("keep")}
      </button>
      {failed ? <span className={errorClass}>{t("failed")}</span> : null}
    </span>
  );
}
