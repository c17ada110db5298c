"use client";

import { useRef, useState, type Ref } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass, labelClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import type { IssuedView } from "./view-types";

/**
 * A link just issued, shown this once (only its hash is stored): copy it, or show it as a large
 * QR code for the shared screen so people in the room join from their phones. The token appears
 * only here and inside the QR code, never in this page's address.
 */
export function IssuedLink({ ref, issued, onDone }: { ref: Ref<HTMLDivElement>; issued: IssuedView; onDone: () => void }) {
  const t = useTranslations("staff.issued");
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // Never rejects: without clipboard access the text stays selected for Ctrl+C.
  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(issued.url);
      setCopied(true);
    } catch {
      // No clipboard access (e.g. plain http on another machine): the text is selected for Ctrl+C.
      setCopied(false);
    }
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`mt-4 outline-none ${noticeClass}`}
      role="region"
      aria-labelledby="issued-title"
      data-testid="issued-link-panel"
    >
      <h3 id="issued-title" className="text-lg font-semibold text-slate-900">
        {t("title", { name: issued.displayName, role: issued.roleLabel })}
      </h3>
      <p className="mt-1 text-slate-800" data-testid="issued-explain">
        {t(issued.again ? "again" : "once", { name: issued.displayName, until: issued.expiresText, title: issued.meetingTitle })}
      </p>
      {issued.emailedTo ? <p className="mt-1 text-slate-800">{t("emailed", { email: issued.emailedTo })}</p> : null}
      <label htmlFor="issued-url" className={`mt-3 ${labelClass}`}>
        {t("linkLabel")}
      </label>
      <input
        ref={inputRef}
        id="issued-url"
        readOnly
        value={issued.url}
        className={`mt-1 font-mono text-sm ${inputClass}`}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="issued-link"
      />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => void copy()} data-testid="issued-copy">
          {t("copy")}
        </button>
        <button type="button" className={buttonClass} onClick={() => dialogRef.current?.showModal()} data-testid="issued-show-qr">
          {t("showQr")}
        </button>
        <button type="button" className={buttonClass} onClick={onDone} data-testid="issued-done">
          {t("done")}
        </button>
        <span className="text-sm text-slate-700" aria-live="polite">
          {copied ? t("copied") : ""}
        </span>
      </div>

      <dialog
        ref={dialogRef}
        aria-labelledby="qr-title"
        className="m-auto max-h-[100dvh] max-w-[100vw] rounded-xl bg-white p-4 backdrop:bg-slate-900/70 sm:p-8"
        data-testid="qr-dialog"
      >
        <div className="flex flex-col items-center gap-4 text-center">
          <h2 id="qr-title" className="text-2xl font-semibold text-slate-900 sm:text-3xl">
            {t("qrTitle", { name: issued.displayName })}
          </h2>
          <p className="text-lg text-slate-800">{t("qrHelp")}</p>
          <div
            role="img"
            aria-label={t("qrAlt", { name: issued.displayName })}
            className="aspect-square w-[min(70vh,85vw)] [&>svg]:h-full [&>svg]:w-full"
            data-testid="qr-code"
            // Our own server-side rendering of the link (qrcode library): paths only, no script.
            dangerouslySetInnerHTML={{ __html: issued.qrSvg }}
          />
          <form method="dialog">
            <button type="submit" className={primaryButtonClass} autoFocus data-testid="qr-close">
              {t("closeQr")}
            </button>
          </form>
        </div>
      </dialog>
    </div>
  );
}
