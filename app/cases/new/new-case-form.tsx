"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { createCaseAction } from "./actions";

/** Controlled fields, so nothing typed is lost when the server sends the form back with errors. */
export function NewCaseForm() {
  const t = useTranslations("staff.newCase");
  const tf = useTranslations("staff.fieldErrors");
  const tTrack = useTranslations("staff.track");
  const [state, action, pending] = useActionState(createCaseAction, null);
  const [employeeName, setEmployeeName] = useState("");
  const [track, setTrack] = useState<"employed" | "unemployed" | "">("");
  const [employer, setEmployer] = useState("");
  const [reference, setReference] = useState("");
  const [sickLeaveStart, setSickLeaveStart] = useState("");
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const err = (f: string) => (fields[f] ? (tf.has(fields[f]) ? tf(fields[f]) : tf("invalid")) : null);
  const formError =
    state && !state.ok && state.error !== "INVALID_INPUT" ? t(`errors.${state.error === "UNAUTHENTICATED" ? "signedOut" : "other"}`) : null;

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate data-testid="new-case-form">
      <p role="alert" className={errorClass} data-testid="new-case-error">
        {state && !state.ok ? (formError ?? t("checkFields")) : null}
      </p>

      <div className="mt-2">
        <label htmlFor="employeeName" className={labelClass}>
          {t("employeeName")}
        </label>
        <input
          id="employeeName"
          name="employeeName"
          className={`mt-1 ${inputClass}`}
          value={employeeName}
          onChange={(e) => setEmployeeName(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(fields.employeeName) || undefined}
          aria-describedby="employeeName-error"
          data-testid="case-employee-name"
        />
        <p id="employeeName-error" className={errorClass}>
          {err("employeeName")}
        </p>
      </div>

      <fieldset className="mt-4" aria-describedby="track-error">
        <legend className={labelClass}>{t("track")}</legend>
        <div className="mt-2 space-y-2">
          {(["employed", "unemployed"] as const).map((v) => (
            <label key={v} className="flex items-start gap-2 rounded-md border border-slate-300 p-3">
              <input
                type="radio"
                name="track"
                value={v}
                checked={track === v}
                onChange={() => setTrack(v)}
                className="mt-1 size-4"
                data-testid={`case-track-${v}`}
              />
              <span>
                <span className="font-medium text-slate-900">{tTrack(v)}</span>
                <span className="block text-sm text-slate-700">{t(`trackHint.${v}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="track-error" className={errorClass}>
          {err("track")}
        </p>
      </fieldset>

      <div className="mt-4">
        <label htmlFor="employer" className={labelClass}>
          {track === "unemployed" ? t("hostCompany") : t("employer")}
        </label>
        <p id="employer-hint" className={hintClass}>
          {track === "unemployed" ? t("hostCompanyHint") : t("employerHint")}
        </p>
        <input
          id="employer"
          name="employer"
          className={`mt-1 ${inputClass}`}
          value={employer}
          onChange={(e) => setEmployer(e.target.value)}
          autoComplete="organization"
          aria-invalid={Boolean(fields.employer) || undefined}
          aria-describedby="employer-hint employer-error"
          data-testid="case-employer"
        />
        <p id="employer-error" className={errorClass}>
          {err("employer")}
        </p>
      </div>

      <div className="mt-4">
        <label htmlFor="reference" className={labelClass}>
          {t("reference")}
        </label>
        <p id="reference-hint" className={hintClass}>
          {t("referenceHint")}
        </p>
        <input
          id="reference"
          name="reference"
          className={`mt-1 ${inputClass}`}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(fields.reference) || undefined}
          aria-describedby="reference-hint reference-error"
          data-testid="case-reference"
        />
        <p id="reference-error" className={errorClass}>
          {err("reference")}
        </p>
      </div>

      <div className="mt-4">
        <label htmlFor="sickLeaveStart" className={labelClass}>
          {t("sickLeaveStart")}
        </label>
        <p id="sickLeaveStart-hint" className={hintClass}>
          {t("sickLeaveStartHint")}
        </p>
        <input
          id="sickLeaveStart"
          name="sickLeaveStart"
          type="date"
          className={`mt-1 ${inputClass}`}
          value={sickLeaveStart}
          onChange={(e) => setSickLeaveStart(e.target.value)}
          aria-invalid={Boolean(fields.sickLeaveStart) || undefined}
          aria-describedby="sickLeaveStart-hint sickLeaveStart-error"
          data-testid="case-sick-leave-start"
        />
        <p id="sickLeaveStart-error" className={errorClass}>
          {err("sickLeaveStart")}
        </p>
      </div>

      <button type="submit" className={`mt-6 ${primaryButtonClass}`} disabled={pending} data-testid="case-submit">
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
