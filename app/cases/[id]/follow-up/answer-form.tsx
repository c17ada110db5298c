"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorClass, hintClass, inputClass, labelClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { sendJson } from "@/app/_components/send-json";
import { showAndFocus } from "@/app/_components/ui/use-focus-result";

type Answer = "coming" | "another_time" | "cannot_come";

/**
 * Answer the invitation to a meeting: coming, need another time (with a suggestion), cannot come
 * (with a reason). The extra field appears only for the answer that needs it; nothing typed is lost
 * when switching back and forth or when the answer is refused.
 */
export function AnswerForm({
  meetingId,
  current,
}: {
  meetingId: string;
  current: { answer: Answer; suggestion: string | null; reason: string | null } | null;
}) {
  const t = useTranslations("followup.answers");
  const router = useRouter();
  const id = useId();
  const [answer, setAnswer] = useState<Answer | null>(current?.answer ?? null);
  const [suggestion, setSuggestion] = useState(current?.suggestion ?? "");
  const [reason, setReason] = useState(current?.reason ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // Never rejects: sendJson answers a failed fetch as { ok: false }, shown as an error here; so the
  // form's handler may `void` it.
  // Every answer moves the focus: to the first field with an error, else to "Saved" / "failed".
  const show = (next: Record<string, string>, nextStatus: typeof status) =>
    showAndFocus(
      () => {
        setErrors(next);
        setStatus(nextStatus);
      },
      formRef.current,
      () => resultRef.current?.querySelector<HTMLElement>("[tabindex]") ?? null,
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === "saving") return;
    if (!answer) return show({ answer: t("errors.answer") }, "idle");
    if (answer === "another_time" && !suggestion.trim()) return show({ suggestion: t("errors.suggestion") }, "idle");
    if (answer === "cannot_come" && !reason.trim()) return show({ reason: t("errors.reason") }, "idle");
    setStatus("saving");
    const res = await sendJson(`/api/meetings/${meetingId}/answer`, "POST", { answer, suggestion, reason });
    if (res.ok) {
      show({}, "saved");
      router.refresh();
      return;
    }
    const fields: Record<string, string> = {};
    for (const f of Object.keys(res.details)) fields[f] = t.has(`errors.${f}`) ? t(`errors.${f}`) : t("errors.invalid");
    if (res.code === "CONFLICT") fields.answer = t("errors.closed");
    show(fields, Object.keys(fields).length > 0 ? "idle" : "failed");
  };

  const option = (value: Answer) => (
    <label key={value} className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2">
      <input
        type="radio"
        name={`${id}-answer`}
        value={value}
        checked={answer === value}
        onChange={() => setAnswer(value)}
        className="size-5 accent-blue-700"
        data-testid={`answer-${value}`}
      />
      <span>{t(`options.${value}`)}</span>
    </label>
  );

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="mt-2" data-testid={`answer-form-${meetingId}`}>
      <fieldset aria-describedby={`${id}-answer-error`}>
        <legend id={`${id}-question`} className={labelClass}>
          {t("question")}
        </legend>
        <div
          role="radiogroup"
          aria-labelledby={`${id}-question`}
          aria-invalid={errors.answer ? true : undefined}
          aria-describedby={`${id}-answer-error`}
          className="mt-1 flex flex-wrap gap-2"
          data-testid="answer-options"
        >
          {(["coming", "another_time", "cannot_come"] as const).map(option)}
        </div>
        <p id={`${id}-answer-error`} className={errorClass}>
          {errors.answer ?? null}
        </p>
      </fieldset>
      {answer === "another_time" ? (
        <div className="mt-2">
          <label htmlFor={`${id}-suggestion`} className={labelClass}>
            {t("suggestion")}
          </label>
          <p className={hintClass}>{t("suggestionHint")}</p>
          <input
            id={`${id}-suggestion`}
            maxLength={300}
            className={`mt-1 ${inputClass}`}
            value={suggestion}
            onChange={(e) => setSuggestion(e.target.value)}
            aria-invalid={errors.suggestion ? true : undefined}
            aria-describedby={`${id}-suggestion-error`}
            data-testid="answer-suggestion"
          />
          <p id={`${id}-suggestion-error`} className={errorClass}>
            {errors.suggestion ?? null}
          </p>
        </div>
      ) : null}
      {answer === "cannot_come" ? (
        <div className="mt-2">
          <label htmlFor={`${id}-reason`} className={labelClass}>
            {t("reason")}
          </label>
          <p className={hintClass}>{t("reasonHint")}</p>
          <input
            id={`${id}-reason`}
            maxLength={300}
            className={`mt-1 ${inputClass}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={`${id}-reason-error`}
            data-testid="answer-reason"
          />
          <p id={`${id}-reason-error`} className={errorClass}>
            {errors.reason ?? null}
          </p>
        </div>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} aria-disabled={status === "saving" || undefined} data-testid="answer-submit">
          {current ? t("change") : t("send")}
        </button>
        <div ref={resultRef} aria-live="polite">
          {status === "saved" ? (
            <p tabIndex={-1} className={noticeClass} data-testid="answer-saved">
              {t("saved")}
            </p>
          ) : null}
          {status === "failed" ? (
            <p tabIndex={-1} className={errorClass} role="alert">
              {t("failed")}
            </p>
          ) : null}
        </div>
      </div>
    </form>
  );
}
