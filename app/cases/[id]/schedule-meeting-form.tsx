"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { errorClass, hintClass, inputClass, labelClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { useFocusResult } from "@/app/_components/ui/use-focus-result";
import { scheduleAction } from "./actions";

type Fields = { title: string; date: string; time: string; durationMinutes: string; location: string; videoUrl: string };

/**
 * Schedule a meeting, folded away once the case has one (open at first, and it stays open after
 * scheduling so the confirmation is seen). Controlled fields keep what was typed on errors.
 */
export function ScheduleMeetingForm({ caseId, startOpen }: { caseId: string; startOpen: boolean }) {
  const t = useTranslations("staff.meetings");
  const [open, setOpen] = useState(startOpen);
  const [state, action, pending] = useActionState(scheduleAction.bind(null, caseId), null);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const scheduledId = state?.ok ? state.value.id : null;
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useFocusResult(state, formRef, resultRef);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="schedule-details">
      <summary className="cursor-pointer text-lg font-semibold text-slate-900" data-testid="schedule-toggle">
        {t("scheduleTitle")}
      </summary>
      <form
        ref={formRef}
        action={action}
        onSubmit={submitWithoutReset(action, pending)}
        noValidate
        className="mt-3"
        data-testid="schedule-form"
      >
        <div ref={resultRef} tabIndex={-1} aria-live="polite" className="outline-none" data-testid="schedule-result">
          {scheduledId ? (
            <p className={noticeClass} data-testid="meeting-scheduled">
              {t("scheduled")}
            </p>
          ) : null}
          {state && !state.ok ? (
            <p className={errorClass} role="alert">
              {state.error === "INVALID_INPUT" ? t("checkFields") : t("failed")}
            </p>
          ) : null}
        </div>
        {/* A new key after each scheduled meeting starts the fields afresh for the next one. */}
        <MeetingFields key={scheduledId ?? "new"} fields={fields} />
        <button type="submit" className={`mt-4 ${primaryButtonClass}`} aria-disabled={pending || undefined} data-testid="meeting-submit">
          {pending ? t("scheduling") : t("schedule")}
        </button>
      </form>
    </details>
  );
}

/** The fields whose text can be long. */
const WRAPS = new Set<keyof Fields>(["title", "location"]);

function MeetingFields({ fields }: { fields: Record<string, string> }) {
  const t = useTranslations("staff.meetings");
  const tf = useTranslations("staff.fieldErrors");
  const [v, setV] = useState<Fields>({
    title: t("defaultTitle"),
    date: "",
    time: "10:00",
    durationMinutes: "60",
    location: "",
    videoUrl: "",
  });

  const field = (name: keyof Fields, type = "text", extra: Record<string, unknown> = {}) => {
    const props = {
      id: `meeting-${name}`,
      name,
      className: `mt-1 ${inputClass}`,
      value: v[name],
      onChange: (e: { target: { value: string } }) => setV({ ...v, [name]: e.target.value }),
      "aria-invalid": Boolean(fields[name]) || undefined,
      "aria-describedby": `meeting-${name}-error`,
      "data-testid": `meeting-${name}`,
      ...extra,
    };
    // A title or place can be long: it wraps on a phone instead of being cut off (issue 18).
    return WRAPS.has(name) ? <OneLineTextarea rows={1} {...props} /> : <input type={type} {...props} />;
  };
  const error = (name: string) => (
    <p id={`meeting-${name}-error`} className={errorClass}>
      {fields[name] ? (tf.has(fields[name]) ? tf(fields[name]) : tf("invalid")) : null}
    </p>
  );

  return (
    <div className="mt-2 grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor="meeting-title" className={labelClass}>
          {t("fieldTitle")}
        </label>
        {field("title")}
        {error("title")}
      </div>
      <div>
        <label htmlFor="meeting-date" className={labelClass}>
          {t("date")}
        </label>
        {field("date", "date")}
        {error("date")}
      </div>
      <div>
        <label htmlFor="meeting-time" className={labelClass}>
          {t("time")}
        </label>
        {field("time", "time")}
        {error("time")}
      </div>
      <div>
        <label htmlFor="meeting-durationMinutes" className={labelClass}>
          {t("duration")}
        </label>
        {field("durationMinutes", "number", { min: 15, max: 480, step: 5, inputMode: "numeric" })}
        {error("durationMinutes")}
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="meeting-location" className={labelClass}>
          {t("location")}
        </label>
        <p className={hintClass}>{t("placeOrVideoHint")}</p>
        {field("location")}
        {error("location")}
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="meeting-videoUrl" className={labelClass}>
          {t("videoUrl")}
        </label>
        {field("videoUrl", "url", { placeholder: "https://" })}
        {error("videoUrl")}
      </div>
    </div>
  );
}
