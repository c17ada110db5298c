"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass, labelClass, noticeClass } from "@/app/_components/ui/classes";

/**
 * A token just made, shown this once: only its SHA-256 is stored, so nobody can show it again.
 * Copy it, or select it by hand when the browser gives no clipboard (plain http elsewhere).
 */
export function IssuedToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const t = useTranslations("apiTokens.created");
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <div className={`mt-2 ${noticeClass}`} role="region" aria-labelledby="issued-token-title" data-testid="issued-token">
      <h4 id="issued-token-title" className="font-semibold text-slate-900">
        {t("title", { name })}
      </h4>
      <p className="mt-1 text-slate-800">{t("once")}</p>
      <label htmlFor="issued-token-value" className={`mt-3 ${labelClass}`}>
        {t("label", { name })}
      </label>
      <input
        ref={inputRef}
        id="issued-token-value"
        readOnly
        value={token}
        className={`mt-1 font-mono text-sm ${inputClass}`}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="issued-token-value"
      />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => void copy()} data-testid="issued-token-copy">
          {t("copy")}
        </button>
        <button type="button" className={buttonClass} onClick={onDone} data-testid="issued-token-done">
          {t("done")}
        </button>
        <span className="text-sm text-slate-700" aria-live="polite" data-testid="issued-token-copied">
          {copied === "yes" ? t("copied") : copied === "no" ? t("copyFailed") : ""}
        </span>
      </div>
    </div>
  );
}
