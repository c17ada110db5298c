"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ConnectionSnapshot } from "./room-connection";

export type StatusKey =
  | "saved"
  | "following"
  | "sending"
  | "waiting"
  | "busy"
  | "offline"
  | "connecting"
  | "sessionEnded"
  | "accessLost"
  | "failed"
  | "meetingOver";

/**
 * What the indicator says, honestly: "saved" only once the server has confirmed the edits. Once
 * the meeting is over nothing more is sent, so it says that instead of "sending" for ever.
 */
export function statusKey(s: ConnectionSnapshot, canEdit: boolean, meetingOver = false): StatusKey {
  if (meetingOver && s.phase === "online") return "meetingOver";
  switch (s.phase) {
    case "sessionEnded":
    case "accessLost":
    case "failed":
    case "offline":
    case "connecting":
    case "busy":
      return s.phase;
    case "online":
      if (s.unsaved && s.waiting) return "waiting";
      if (!s.synced) return s.unsaved ? "sending" : "connecting";
      if (s.unsaved) return "sending";
      return canEdit ? "saved" : "following";
  }
}

const TONE: Record<StatusKey, string> = {
  saved: "border-green-700 bg-green-50 text-green-900",
  following: "border-green-700 bg-green-50 text-green-900",
  sending: "border-slate-500 bg-white text-slate-900",
  waiting: "border-amber-700 bg-amber-50 text-amber-950",
  busy: "border-amber-700 bg-amber-50 text-amber-950",
  connecting: "border-slate-500 bg-white text-slate-900",
  offline: "border-amber-700 bg-amber-50 text-amber-950",
  sessionEnded: "border-amber-700 bg-amber-50 text-amber-950",
  accessLost: "border-amber-700 bg-amber-50 text-amber-950",
  failed: "border-amber-700 bg-amber-50 text-amber-950",
  meetingOver: "border-slate-500 bg-slate-100 text-slate-900",
};

/** Worth telling a screen reader when it starts (and, when it ends, that all is well again). */
const TROUBLE: ReadonlySet<StatusKey> = new Set(["waiting", "busy", "offline", "sessionEnded", "accessLost", "failed", "meetingOver"]);

const ICON: Record<StatusKey, string> = {
  saved: "✓",
  following: "✓",
  sending: "…",
  waiting: "…",
  busy: "…",
  connecting: "…",
  offline: "!",
  sessionEnded: "!",
  accessLost: "!",
  failed: "!",
  meetingOver: "✓",
};

export function ConnectionStatus({
  snapshot,
  canEdit,
  meetingOver = false,
  onRetry,
}: {
  snapshot: ConnectionSnapshot;
  canEdit: boolean;
  meetingOver?: boolean;
  onRetry: () => void;
}) {
  const t = useTranslations("room.status");
  const tOver = useTranslations("meetingOver");
  const key = statusKey(snapshot, canEdit, meetingOver);
  const text = key === "meetingOver" ? tOver("status") : t(key);
  // The pill changes with every edit ("Sending…", "Saved"), one's own and — as the document syncs —
  // around others'. Read out, that is chatter: the live region below speaks only when something is
  // wrong, and once when it is right again.
  const [heard, setHeard] = useState<{ key: StatusKey; said: string; troubled: boolean }>({ key, said: "", troubled: false });
  if (heard.key !== key) {
    if (TROUBLE.has(key)) setHeard({ key, said: text, troubled: true });
    else if (heard.troubled && (key === "saved" || key === "following")) setHeard({ key, said: text, troubled: false });
    else setHeard({ ...heard, key });
  }
  const said = heard.said;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="connection-announcer">
        {said}
      </p>
      <p
        data-testid="connection-status"
        data-status={key}
        className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium ${TONE[key]}`}
      >
        <span aria-hidden="true" className="font-bold">
          {ICON[key]}
        </span>
        <span>{text}</span>
      </p>
      {key === "failed" ? (
        <button
          type="button"
          onClick={onRetry}
          className="rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
