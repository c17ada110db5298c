"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { dangerButtonClass, errorClass, hintClass, inputClass, labelClass, noticeClass } from "@/app/_components/ui/classes";
import { useFocusResult } from "@/app/_components/ui/use-focus-result";
import { eraseCaseAction } from "./actions";

/** Case id, reason, and a box that says they mean it; controlled, so nothing typed is lost on an error. */
export function EraseCaseForm() {
  const t = useTranslations("personalData.erase");
  const [state, action, pending] = useActionState(eraseCaseAction, null);
  const [caseId, setCaseId] = useState("");
  const [reason, setReason] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useFocusResult(state, formRef, resultRef);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const err = (f: string) => (fields[f] ? (t.has(`errors.${fields[f]}`) ? t(`errors.${fields[f]}`) : t("errors.other")) : null);
  const formError =
    state && !state.ok && state.error !== "INVALID_INPUT" && !fields.caseId
      ? t(state.error === "UNAUTHENTICATED" ? "errors.signedOut" : state.error === "FORBIDDEN" ? "forbidden" : "errors.other")
      : null;

  return (
    <form ref={formRef} action={action} onSubmit={submitWithoutReset(action, pending)} noValidate data-testid="erase-case-form">
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="outline-none">
        <p role="alert" className={errorClass} data-testid="erase-case-error">
          {state && !state.ok ? (formError ?? t("checkFields")) : null}
        </p>
        {state?.ok ? (
          <p className={noticeClass} data-testid="erase-case-done">
            {t("done", { agreements: state.value.agreements })}
          </p>
        ) : null}
      </div>

      <div className="mt-2">
        <label htmlFor="caseId" className={labelClass}>
          {t("caseId")}
        </label>
        <p id="caseId-hint" className={hintClass}>
          {t("caseIdHint")}
        </p>
        <input
          id="caseId"
          name="caseId"
          className={`mt-1 ${inputClass}`}
          value={caseId}
          onChange={(e) => setCaseId(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(fields.caseId) || undefined}
          aria-describedby="caseId-hint caseId-error"
        />
        <p id="caseId-error" className={errorClass}>
          {err("caseId")}
        </p>
      </div>

      <div className="mt-4">
        <label htmlFor="reason" className={labelClass}>
          {t("reason")}
        </label>
        <p id="reason-hint" className={hintClass}>
          {t("reasonHint")}
        </p>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          className={`mt-1 ${inputClass}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(fields.reason) || undefined}
          aria-describedby="reason-hint reason-error"
        />
        <p id="reason-error" className={errorClass}>
          {err("reason")}
        </p>
      </div>

      <div className="mt-4">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1 size-4"
            aria-invalid={Boolean(fields.confirm) || undefined}
            aria-describedby="confirm-error"
          />
          <span>{t("confirm")}</span>
        </label>
        <p id="confirm-error" className={errorClass}>
          {err("confirm")}
        </p>
      </div>

      <button type="submit" className={`mt-6 ${dangerButtonClass}`} aria-disabled={pending || undefined} data-testid="erase-case-submit">
        {pending ? t("erasing") : t("submit")}
      </button>
    </form>
  );
}
