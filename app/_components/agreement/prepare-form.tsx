"use client";

import { useId, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "../send-json";

/**
 * The chair freezes the plan as it stands in the room into a version for signing: version 1, or
 * — with a stated reason — version n+1. The union representative signs as supporter when ticked.
 */
export function PrepareForm({
  meetingId,
  unionRep,
  amend,
  defaultReason = "",
}: {
  meetingId: string;
  unionRep: string | null;
  amend: boolean;
  defaultReason?: string;
}) {
  const t = useTranslations("agreement");
  const id = useId();
  const router = useRouter();
  const [unionRepSigns, setUnionRepSigns] = useState(unionRep !== null);
  const [reason, setReason] = useState(defaultReason);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonInvalid, setReasonInvalid] = useState(false);

  // Never rejects: sendJson answers a failed fetch as { ok: false }, shown as an error here; so the
  // form's handler may `void` it.
  // The error is shown, then focused where it can be fixed: the reason field, else the message.
  const fail = (message: string, onReason: boolean) => {
    flushSync(() => {
      setError(message);
      setReasonInvalid(onReason);
    });
    document.getElementById(onReason ? `${id}-reason` : `${id}-error`)?.focus();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (amend && !reason.trim()) return fail(t("errors.amendReason"), true);
    setBusy(true);
    setError(null);
    setReasonInvalid(false);
    const r = await sendJson("/api/agreements", "POST", { meetingId, unionRepSigns, ...(amend ? { reason } : {}) });
    setBusy(false);
    if (r.ok) return router.refresh();
    const onReason = amend && r.status !== 401 && r.status !== 403 && r.status !== 409 && Boolean(r.details.reason);
    fail(
      r.status === 401
        ? t("errors.signedOut")
        : r.status === 403
          ? t("errors.mayNotPrepare")
          : r.status === 409
            ? t("errors.prepareConflict")
            : r.details.reason
              ? t("errors.amendReason")
              : t("errors.generic", { name: "" }),
      onReason,
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" data-testid={amend ? "amend-form" : "prepare-form"}>
      <p className="text-slate-800">{amend ? t("amendExplain") : t("prepareExplain")}</p>
      {amend ? (
        <div>
          <label htmlFor={`${id}-reason`} className={labelClass}>
            {t("amendReason")}
          </label>
          <textarea
            id={`${id}-reason`}
            className={`${inputClass} mt-1`}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonInvalid || undefined}
            aria-describedby={`${id}-error`}
            data-testid="amend-reason"
          />
        </div>
      ) : null}
      {unionRep ? (
        <div className="flex items-start gap-3">
          <input
            id={`${id}-union`}
            type="checkbox"
            className="mt-1 size-5 shrink-0"
            checked={unionRepSigns}
            onChange={(e) => setUnionRepSigns(e.target.checked)}
            data-testid="union-rep-signs"
          />
          <label htmlFor={`${id}-union`} className="text-slate-900">
            {t("unionRepSigns", { name: unionRep })}
          </label>
        </div>
      ) : null}
      <p
        id={`${id}-error`}
        tabIndex={-1}
        className="text-sm font-medium text-red-800 outline-none"
        aria-live="assertive"
        data-testid="prepare-error"
      >
        {error}
      </p>
      <button
        type="submit"
        className={primaryButtonClass}
        aria-disabled={busy || undefined}
        data-testid={amend ? "amend-submit" : "prepare-submit"}
      >
        {busy ? t("preparing") : amend ? t("amendSubmit") : t("prepareSubmit")}
      </button>
    </form>
  );
}
