"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass } from "@/app/_components/ui/classes";
import type { RoomClosedReason } from "@/lib/collab/room-closed";

/**
 * "This meeting is over" (or "was cancelled", or "the case is closed"): plain words, and what it
 * means for a change typed at that moment.
 */
export function MeetingOverNotice({ unsaved, reason }: { unsaved: boolean; reason?: RoomClosedReason | null }) {
  const t = useTranslations("meetingOver");
  const key = reason === "meeting_cancelled" ? "cancelled" : reason === "case_closed" ? "caseClosed" : null;
  return (
    <div
      role="status"
      className="mb-4 rounded-xl border border-slate-500 bg-slate-100 p-4 text-slate-900"
      data-testid="notice-meeting-over"
    >
      <h2 className="text-lg font-semibold">{key ? t(`${key}.title`) : t("title")}</h2>
      <p className="mt-1">{key ? t(`${key}.body`) : t("body")}</p>
      {unsaved ? <p className="mt-1 font-medium">{t("unsaved")}</p> : null}
    </div>
  );
}

type Phase = "idle" | "asking" | "working";

/**
 * The caseworker's "Mark the meeting as completed" (`meeting: manage`). Asks once, in words, before
 * it does something that cannot be undone; focus moves to the question and back. On success the
 * server makes the room read-only for everyone (our own socket is told too); `onCompleted` lets the
 * room say so at once.
 */
export function CompleteMeeting({ meetingId, onCompleted }: { meetingId: string; onCompleted: () => void }) {
  const t = useTranslations("meetingOver.complete");
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const ask = () => {
    setError(null);
    setPhase("asking");
    // After React has rendered the question.
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancel = () => {
    setPhase("idle");
    requestAnimationFrame(() => startRef.current?.focus());
  };
  const complete = async () => {
    if (phase === "working") return;
    setPhase("working");
    try {
      const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/complete`, { method: "POST", credentials: "same-origin" });
      if (res.ok) return onCompleted();
      const body = (await res.json().catch(() => null)) as { details?: { meeting?: string } } | null;
      setError(body?.details?.meeting === "cancelled" ? t("errorCancelled") : t("error"));
    } catch {
      setError(t("error"));
    }
    setPhase("asking");
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  return (
    <section
      aria-labelledby="complete-meeting-title"
      className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm"
      data-testid="complete-meeting"
    >
      <h2 id="complete-meeting-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p id="complete-meeting-explain" className="mt-1 text-slate-700">
        {t("explain")}
      </p>
      {phase === "idle" ? (
        <button
          ref={startRef}
          type="button"
          className={`${buttonClass} mt-3`}
          aria-describedby="complete-meeting-explain"
          onClick={ask}
          data-testid="complete-meeting-start"
        >
          {t("start")}
        </button>
      ) : (
        <div className="mt-3" role="group" aria-labelledby="complete-meeting-question">
          <p id="complete-meeting-question" className="font-medium text-slate-900">
            {t("question")}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              ref={confirmRef}
              type="button"
              className={dangerButtonClass}
              onClick={() => void complete()}
              aria-disabled={phase === "working"}
              aria-describedby={error ? "complete-meeting-error" : undefined}
              data-testid="complete-meeting-confirm"
            >
              {phase === "working" ? t("working") : t("confirm")}
            </button>
            <button
              type="button"
              className={buttonClass}
              onClick={() => phase !== "working" && cancel()}
              aria-disabled={phase === "working"}
            >
              {t("cancel")}
            </button>
          </div>
          {error ? (
            <p id="complete-meeting-error" role="alert" className="mt-2 text-red-800" data-testid="complete-meeting-error">
              {error}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
