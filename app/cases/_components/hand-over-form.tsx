"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { FieldError } from "@/app/_components/ui/field-error";
import { buttonClass, errorClass, labelClass, noticeClass, selectClass } from "@/app/_components/ui/classes";
import { handOverAction } from "../actions";

/** The team view's "Hand over to …" for one case, folded away until wanted. */
export function HandOverForm({
  caseId,
  employeeName,
  colleagues,
}: {
  caseId: string;
  employeeName: string;
  colleagues: { id: string; name: string }[];
}) {
  const t = useTranslations("staff.cases.handOver");
  const tf = useTranslations("staff.fieldErrors");
  const [state, action, pending] = useActionState(handOverAction.bind(null, caseId), null);
  const [to, setTo] = useState("");
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const id = `handover-${caseId}`;
  const code = fields.toUserId;
  return (
    <details className="mt-3" data-testid="hand-over">
      <summary className="cursor-pointer font-semibold text-slate-900">{t("title", { name: employeeName })}</summary>
      <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="mt-2 space-y-2">
        <div aria-live="polite">
          {state?.ok ? <p className={noticeClass}>{t("done", { told: state.value.told })}</p> : null}
          {state && !state.ok && !code ? (
            <p className={errorClass} role="alert">
              {state.error === "CONFLICT" ? t("conflict") : state.error === "FORBIDDEN" ? t("forbidden") : t("failed")}
            </p>
          ) : null}
        </div>
        <label htmlFor={id} className={labelClass}>
          {t("to")}
        </label>
        <select
          id={id}
          name="toUserId"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className={selectClass}
          aria-invalid={Boolean(code) || undefined}
          aria-describedby={`${id}-error`}
        >
          <option value="">{t("choose")}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} message={code ? (tf.has(code) ? tf(code) : tf("invalid")) : null} />
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("working") : t("submit")}
        </button>
      </form>
    </details>
  );
}
