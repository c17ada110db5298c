"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorClass, hintClass, inputClass, labelClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";
import { DiagnosisNotice, useValueSource } from "@/app/_components/meeting/diagnosis-notice";
import { GuardProvider } from "@/app/_components/meeting/guard-context";

/** The note's guard: others will read it, so a diagnosis typed into it is pointed out before saving. */
const NOTE_GUARD = { kind: "note" } as const;

type Props = {
  caseId: string;
  /** The measure card's heading: the form is named by it, so each form landmark is unique. */
  headingId: string;
  subGoalId: string;
  /** The measure's name, e.g. "Pain on a scale of 1 to 10". */
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Already formatted for the reader ("1", "59"). */
  minText: string;
  maxText: string;
  today: string;
  /** Others than the employee and the caseworker will read the note (not a private health measure). */
  guarded: boolean;
};

/**
 * Record one value of a measure from a phone in seconds: the date is today unless changed, the
 * keyboard is numeric, the range is said up front. A refusal names the field and what to do, and
 * nothing typed is lost; after saving, the page (chart and table) refreshes.
 */
export function ProgressForm(p: Props) {
  const t = useTranslations("followup.progress");
  const router = useRouter();
  const id = useId();
  const [date, setDate] = useState(p.today);
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const savedRef = useRef<HTMLParagraphElement>(null);
  const failedRef = useRef<HTMLParagraphElement>(null);
  const noteSource = useValueSource(note, setNote);

  const message = (field: string, code: string) => {
    if (field === "value" && code === "range") return t("errors.range", { min: p.minText, max: p.maxText });
    const key = `errors.${field}.${code}`;
    return t.has(key) ? t(key) : t("errors.invalid");
  };
  // The errors are shown, then the focus goes to the first field that has one (in the form's order).
  const showErrors = (fields: Record<string, string>, status: "idle" | "failed") => {
    flushSync(() => {
      setErrors(fields);
      setStatus(status);
    });
    const first = ["value", "date", "note"].find((f) => fields[f]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
    else if (status === "failed") failedRef.current?.focus();
  };

  // Never rejects: sendJson answers a failed fetch as { ok: false }, shown as an error here; so the
  // form's handler may `void` it.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!value.trim()) local.value = message("value", "required");
    if (!date) local.date = message("date", "required");
    else if (date > p.today) local.date = message("date", "future");
    if (Object.keys(local).length > 0) return showErrors(local, "idle");
    if (status === "saving") return;
    setStatus("saving");
    const res = await sendJson(`/api/cases/${p.caseId}/progress`, "POST", { subGoalId: p.subGoalId, date, value, note });
    if (res.ok) {
      flushSync(() => {
        setErrors({});
        setValue("");
        setNote("");
        setStatus("saved");
      });
      // The result, not <body>: "Saved", and the next value is one Tab away.
      savedRef.current?.focus();
      router.refresh();
      return;
    }
    const fields = Object.fromEntries(Object.entries(res.details).map(([f, code]) => [f, message(f, code)]));
    showErrors(fields, Object.keys(fields).length > 0 ? "idle" : "failed");
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="rounded-lg border border-slate-300 bg-slate-50 p-3"
      data-testid={`progress-form-${p.subGoalId}`}
      aria-labelledby={`${id}-title ${p.headingId}`}
    >
      <h4 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        {t("formTitle")}
      </h4>
      <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-[minmax(12rem,16rem)_11rem_1fr]">
        <div>
          <label htmlFor={`${id}-value`} className={labelClass}>
            {t("value", { label: p.label || t("valueFallback") })}
          </label>
          <p id={`${id}-range`} className={hintClass}>
            {t("rangeHint", { min: p.minText, max: p.maxText, unit: p.unit })}
          </p>
          <input
            id={`${id}-value`}
            name="value"
            inputMode="decimal"
            autoComplete="off"
            className={`mt-1 ${inputClass}`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={`${id}-range ${id}-value-error`}
            data-testid="progress-value"
          />
          <p id={`${id}-value-error`} className={errorClass} data-testid="progress-value-error">
            {errors.value ?? null}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-date`} className={labelClass}>
            {t("date")}
          </label>
          <input
            id={`${id}-date`}
            name="date"
            type="date"
            max={p.today}
            className={`mt-1 ${inputClass}`}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={`${id}-date-error`}
            data-testid="progress-date"
          />
          <p id={`${id}-date-error`} className={errorClass} data-testid="progress-date-error">
            {errors.date ?? null}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-note`} className={labelClass}>
            {t("note")}
          </label>
          <p id={`${id}-note-hint`} className={hintClass}>
            {t("noteHint")}
          </p>
          <input
            id={`${id}-note`}
            name="note"
            maxLength={280}
            autoComplete="off"
            className={`mt-1 ${inputClass}`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={`${id}-note-hint ${id}-note-error`}
            data-testid="progress-note"
          />
          <p id={`${id}-note-error`} className={errorClass}>
            {errors.note ?? errors.subGoalId ?? null}
          </p>
          {p.guarded ? (
            <GuardProvider value={NOTE_GUARD}>
              <DiagnosisNotice source={noteSource} fieldId={`${id}-note`} />
            </GuardProvider>
          ) : null}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {/* aria-disabled, not disabled: a disabled button drops the focus to <body>. */}
        <button type="submit" className={primaryButtonClass} aria-disabled={status === "saving" || undefined} data-testid="progress-submit">
          {status === "saving" ? t("saving") : t("save")}
        </button>
        <div aria-live="polite" className="min-h-6">
          {status === "saved" ? (
            <p ref={savedRef} tabIndex={-1} className={noticeClass} data-testid="progress-saved">
              {t("saved")}
            </p>
          ) : null}
          {status === "failed" ? (
            <p ref={failedRef} tabIndex={-1} className={errorClass} role="alert">
              {t("failed")}
            </p>
          ) : null}
        </div>
      </div>
    </form>
  );
}
