"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { submitWithoutReset } from "@/app/_components/ui/keep-typed";
import { OneLineTextarea } from "@/app/_components/ui/one-line-textarea";
import { FormFailure, StaffField, useStaffForm } from "@/app/_components/staff/staff-field";
import { dangerButtonClass, hintClass, inputClass, noticeClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { cancelMeetingAction, rescheduleAction } from "./actions";

export type MovableMeeting = {
  id: string;
  date: string;
  time: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
};

type MoveFields = { date: string; time: string; durationMinutes: string; location: string; videoUrl: string };

/** Move or cancel a meeting to come (the caseworker); each folded away until wanted. */
export function MeetingChangeForms({ caseId, meeting }: { caseId: string; meeting: MovableMeeting }) {
  return (
    <div className="mt-3 w-full space-y-2 border-t border-slate-200 pt-3">
      <MoveForm caseId={caseId} meeting={meeting} />
      <CancelForm caseId={caseId} meetingId={meeting.id} />
    </div>
  );
}

function MoveForm({ caseId, meeting }: { caseId: string; meeting: MovableMeeting }) {
  const t = useTranslations("staff.meetings");
  const { state, action, pending, fields, formRef, resultRef } = useStaffForm(rescheduleAction.bind(null, caseId, meeting.id));
  const [v, setV] = useState<MoveFields>({
    date: meeting.date,
    time: meeting.time,
    durationMinutes: String(meeting.durationMinutes),
    location: meeting.location ?? "",
    videoUrl: meeting.videoUrl ?? "",
  });
  const id = (name: string) => `move-${meeting.id}-${name}`;
  const field = (name: keyof MoveFields, label: string, type = "text", extra: Record<string, unknown> = {}) => (
    <StaffField
      id={id(name)}
      label={label}
      error={fields[name]}
      className={name === "location" || name === "videoUrl" ? "sm:col-span-2" : undefined}
    >
      {(wiring) => {
        const props = {
          ...wiring,
          name,
          className: `mt-1 ${inputClass}`,
          value: v[name],
          onChange: (e: { target: { value: string } }) => setV({ ...v, [name]: e.target.value }),
          "data-testid": `move-${name}`,
          ...extra,
        };
        // A place can be long: it wraps on a phone instead of being cut off (issue 18).
        return name === "location" ? <OneLineTextarea rows={1} {...props} /> : <input type={type} {...props} />;
      }}
    </StaffField>
  );
  return (
    <details data-testid="move-details">
      <summary className="cursor-pointer font-semibold text-slate-900" data-testid="move-toggle">
        {t("moveTitle")}
      </summary>
      <form
        ref={formRef}
        action={action}
        onSubmit={submitWithoutReset(action, pending)}
        noValidate
        className="mt-2"
        data-testid="move-form"
      >
        <div ref={resultRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {state?.ok ? (
            <p className={noticeClass} data-testid="meeting-moved">
              {t("moved")}
            </p>
          ) : null}
          <FormFailure state={state} checkFields={t("checkFields")} conflict={t("notChangeable")} failed={t("moveFailed")} />
        </div>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          {field("date", t("date"), "date")}
          {field("time", t("time"), "time")}
          {field("durationMinutes", t("duration"), "number", { min: 15, max: 480, step: 5, inputMode: "numeric" })}
          {field("location", t("location"))}
          {field("videoUrl", t("videoUrl"), "url", { placeholder: "https://" })}
        </div>
        <p className={hintClass}>{t("placeOrVideoHint")}</p>
        <button type="submit" className={`mt-3 ${primaryButtonClass}`} aria-disabled={pending || undefined} data-testid="move-submit">
          {pending ? t("moving") : t("move")}
        </button>
      </form>
    </details>
  );
}

function CancelForm({ caseId, meetingId }: { caseId: string; meetingId: string }) {
  const t = useTranslations("staff.meetings");
  const { state, action, pending, fields, formRef, resultRef } = useStaffForm(cancelMeetingAction.bind(null, caseId, meetingId));
  const [message, setMessage] = useState("");
  const id = `cancel-${meetingId}-message`;
  return (
    <details data-testid="cancel-details">
      <summary className="cursor-pointer font-semibold text-slate-900" data-testid="cancel-toggle">
        {t("cancelTitle")}
      </summary>
      <form
        ref={formRef}
        action={action}
        onSubmit={submitWithoutReset(action, pending)}
        noValidate
        className="mt-2"
        data-testid="cancel-form"
      >
        <div ref={resultRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {state?.ok ? (
            <p className={noticeClass} data-testid="meeting-cancelled">
              {t("cancelled")}
            </p>
          ) : null}
          <FormFailure state={state} checkFields={t("checkFields")} conflict={t("notChangeable")} failed={t("cancelFailed")} />
        </div>
        <StaffField id={id} label={t("cancelMessage")} hint={t("cancelHint")} error={fields.message}>
          {(wiring) => (
            <textarea
              {...wiring}
              name="message"
              rows={3}
              maxLength={1000}
              className={`mt-1 ${inputClass}`}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              data-testid="cancel-message"
            />
          )}
        </StaffField>
        <button type="submit" className={`mt-3 ${dangerButtonClass}`} aria-disabled={pending || undefined} data-testid="cancel-submit">
          {pending ? t("cancelling") : t("cancel")}
        </button>
      </form>
    </details>
  );
}
