"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { FormFailure, StaffField, useStaffForm } from "@/app/_components/staff/staff-field";
import { alertClass, cardClass, inputClass, primaryButtonClass, selectClass } from "@/app/_components/ui/classes";
import { CASE_OUTCOMES } from "@/lib/cases/case-lifecycle-input";
import { closeCaseAction, reopenCaseAction } from "./actions";

export type CaseStateView = {
  state: "open" | "closed";
  /** Shown texts (the server formats dates in the reader's language). */
  outcomeText: string | null;
  closedOnText: string | null;
  referenceText: string | null;
  sickLeaveStartText: string | null;
  history: { id: string; text: string }[];
};

/**
 * The case's reference, sick-leave start and state: open (with "Close the case", folded away) or
 * closed, read-only (with "Reopen the case" and a reason). Closing and reopening are the case's
 * caseworker's (`canManage`).
 */
export function CaseStateSection({
  caseId,
  view,
  canManage,
  today,
}: {
  caseId: string;
  view: CaseStateView;
  canManage: boolean;
  today: string;
}) {
  const t = useTranslations("staff.caseState");
  // Closing or reopening replaces the form that had the focus: the focus goes to the new state,
  // never to <body>. Not on the first render (nothing was submitted then).
  const stateRef = useRef<HTMLElement>(null);
  const shown = useRef(view.state);
  useEffect(() => {
    if (shown.current === view.state) return;
    shown.current = view.state;
    stateRef.current?.focus();
  }, [view.state]);
  return (
    <section aria-labelledby="case-state-title" className={`mt-4 ${cardClass}`} data-testid="case-state">
      <h2 id="case-state-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("reference")}</dt>
        <dd data-testid="case-reference-shown">{view.referenceText ?? t("none")}</dd>
        <dt className="font-medium text-slate-700">{t("sickLeaveStart")}</dt>
        <dd data-testid="case-sick-leave-shown">{view.sickLeaveStartText ?? t("none")}</dd>
        <dt className="font-medium text-slate-700">{t("state")}</dt>
        <dd ref={stateRef} tabIndex={-1} className="outline-none focus-visible:outline-2" data-testid="case-state-shown">
          {view.state === "open" ? t("open") : t("closed", { outcome: view.outcomeText ?? "", date: view.closedOnText ?? "" })}
        </dd>
      </dl>
      {view.state === "closed" ? (
        <p className={`mt-3 ${alertClass}`} data-testid="case-closed-notice">
          {t("readOnly")}
        </p>
      ) : null}
      {canManage ? view.state === "open" ? <CloseForm caseId={caseId} today={today} /> : <ReopenForm caseId={caseId} /> : null}
      {view.history.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold text-slate-900">{t("history")}</h3>
          <ul className="mt-1 list-disc pl-6 text-slate-700" data-testid="case-history">
            {view.history.map((h) => (
              <li key={h.id}>{h.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function CloseForm({ caseId, today }: { caseId: string; today: string }) {
  const t = useTranslations("staff.caseState");
  const tOutcome = useTranslations("staff.outcome");
  const { state, action, pending, fields, formRef, resultRef } = useStaffForm(closeCaseAction.bind(null, caseId));
  const [outcome, setOutcome] = useState("");
  const [date, setDate] = useState(today);
  return (
    <details className="mt-3" data-testid="close-case-details">
      <summary className="cursor-pointer font-semibold text-slate-900" data-testid="close-case-toggle">
        {t("closeTitle")}
      </summary>
      <form
        ref={formRef}
        action={action}
        onSubmit={submitWithoutReset(action)}
        noValidate
        className="mt-2 space-y-3"
        data-testid="close-case-form"
      >
        <p className="text-slate-700">{t("closeExplain")}</p>
        <div ref={resultRef} tabIndex={-1} className="outline-none">
          <FormFailure state={state} checkFields={t("checkFields")} conflict={t("conflict")} failed={t("failed")} />
        </div>
        <StaffField id="close-outcome" label={t("outcome")} error={fields.outcome}>
          {(wiring) => (
            <select
              {...wiring}
              name="outcome"
              className={`mt-1 ${selectClass}`}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
              data-testid="close-outcome"
            >
              <option value="">{t("chooseOutcome")}</option>
              {CASE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {tOutcome(o)}
                </option>
              ))}
            </select>
          )}
        </StaffField>
        <StaffField id="close-date" label={t("closedOn")} error={fields.date}>
          {(wiring) => (
            <input
              {...wiring}
              name="date"
              type="date"
              max={today}
              className={`mt-1 ${inputClass}`}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              data-testid="close-date"
            />
          )}
        </StaffField>
        <button type="submit" className={primaryButtonClass} disabled={pending} data-testid="close-case-submit">
          {pending ? t("closing") : t("close")}
        </button>
      </form>
    </details>
  );
}

function ReopenForm({ caseId }: { caseId: string }) {
  const t = useTranslations("staff.caseState");
  const { state, action, pending, fields, formRef, resultRef } = useStaffForm(reopenCaseAction.bind(null, caseId));
  const [reason, setReason] = useState("");
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={submitWithoutReset(action)}
      noValidate
      className="mt-3 space-y-3"
      data-testid="reopen-case-form"
    >
      <div ref={resultRef} tabIndex={-1} className="outline-none">
        <FormFailure state={state} checkFields={t("checkFields")} conflict={t("conflict")} failed={t("failed")} />
      </div>
      <StaffField id="reopen-reason" label={t("reopenReason")} error={fields.reason}>
        {(wiring) => (
          <textarea
            {...wiring}
            name="reason"
            rows={2}
            maxLength={500}
            className={`mt-1 ${inputClass}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reopen-reason"
          />
        )}
      </StaffField>
      <button type="submit" className={primaryButtonClass} disabled={pending} data-testid="reopen-case-submit">
        {pending ? t("reopening") : t("reopen")}
      </button>
    </form>
  );
}
