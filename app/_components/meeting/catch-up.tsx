"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { catchUpSince, catchUpStart, type CatchUp } from "@/lib/collab/flow-catch-up";
import { markSeen } from "@/lib/collab/flow-read";
import { PHASES, type LogEntry } from "@/lib/collab/flow-schema";
import { buttonClass } from "../room/ui";
import { useFlow, useMeetingView } from "./flow-context";
import { serverNow, syncServerClock } from "./server-clock";
import { useNames } from "./use-names";
import { wallClockDate } from "./closing-check";

/** How often this browser says "I am here" in the shared document (a per-person timestamp). */
const HEARTBEAT_MS = 60_000;
/** A gap shorter than this (a reload, a blip) is not "being away". */
const AWAY_AFTER_MS = 90_000;

/**
 * "While you were away": someone who joins late or drops out sees which items were covered, where
 * the meeting moved, and what others added to the plan and the actions, by whom — read from the
 * shared change log since they were last here (their heartbeat) or, the first time, since the
 * meeting began. Nothing private: the log holds ids, the texts are read from the document.
 */
export function CatchUpNotice() {
  const t = useTranslations("meeting.catchUp");
  const f = useFlow();
  const id = useId();
  const conn = useSyncExternalStore(f.conn.subscribe, f.conn.getSnapshot, f.conn.getSnapshot);
  const [since, setSince] = useState<number | null>(null);
  const started = useRef(false);
  /** The first read is done (and the clock synced): from now on this page may say "I am here". */
  const ready = useRef(false);
  const lastBeat = useRef<number | null>(null);
  const wasOnline = useRef(false);

  const online = conn.phase === "online" && conn.synced && conn.loaded;
  const beat = () => {
    // Never before the first read: a heartbeat written earlier (the step arriving with the first
    // sync, the tab hidden at once) would overwrite when I was last here before it is read.
    if (!ready.current) return;
    const now = Math.round(serverNow());
    lastBeat.current = now;
    if (f.editable) markSeen(f.conn.doc, f.me.id, now);
  };

  // First sync: read when I was last here BEFORE my own heartbeat overwrites it.
  useEffect(() => {
    if (!online || started.current) return;
    started.current = true;
    void syncServerClock().then(() => {
      const flow = f.store.getSnapshot();
      const lastSeen = flow.seen[f.me.id];
      const from = catchUpStart({ log: flow.log, lastSeen });
      // First time here: everything since the meeting began. Back again: only after a real gap.
      if (from !== null && (lastSeen === undefined || serverNow() - lastSeen > AWAY_AFTER_MS)) setSince(from);
      ready.current = true;
      beat();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page, on the first sync
  }, [online]);

  // Back after a drop: everything since the last heartbeat this page wrote.
  useEffect(() => {
    if (online && !wasOnline.current && started.current && lastBeat.current !== null && serverNow() - lastBeat.current > AWAY_AFTER_MS) {
      setSince(lastBeat.current);
    }
    wasOnline.current = online;
  }, [online]);

  useEffect(() => {
    if (!online) return;
    const timer = setInterval(beat, HEARTBEAT_MS);
    const onHide = () => {
      if (document.visibilityState === "hidden") beat();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- beat reads refs and the stable doc
  }, [online]);

  // The meeting moved to another step: say "I am here" at once, so whoever is in the room when the
  // meeting begins is asked for consent at the end (not only after their next heartbeat).
  const phaseAt = f.flow.phaseSince?.at;
  useEffect(() => {
    if (online && started.current && phaseAt !== undefined) beat();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- beat reads refs and the stable doc
  }, [phaseAt]);

  if (since === null) return null;
  const summary = catchUpSince(f.flow.log, since, f.me.id);
  if (summary.empty) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4 rounded-xl border-2 border-blue-800 bg-blue-50 p-4 text-slate-900" data-testid="catch-up">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <CatchUpList summary={summary} />
      <button type="button" className={`${buttonClass} mt-3`} onClick={() => setSince(null)} data-testid="catch-up-dismiss">
        {t("dismiss")}
      </button>
    </section>
  );
}

function CatchUpList({ summary }: { summary: CatchUp }) {
  const t = useTranslations("meeting.catchUp");
  const tp = useTranslations("meeting.phases");
  const format = useFormatter();
  const view = useMeetingView();
  const { withRole } = useNames();
  const agendaTitle = (id: string | null) => {
    const i = view.agenda.findIndex((a) => a.id === id);
    return i < 0 ? t("removed") : t("agendaItem", { n: i + 1, title: view.agenda[i]!.title.trim() || t("untitled") });
  };
  const describe = (e: LogEntry): string => {
    const who = withRole(e.by);
    switch (e.kind) {
      case "action_added": {
        const a = view.actions.find((x) => x.id === e.ref);
        return t("actionAdded", { name: who, text: a ? a.text.trim() || t("untitled") : t("removed") });
      }
      case "subgoal_added": {
        const g = view.plan.subGoals.find((x) => x.id === e.ref);
        return t("subGoalAdded", { name: who, text: g ? g.text.trim() || t("untitled") : t("removed") });
      }
      case "activity_added": {
        const a = view.plan.subGoals.flatMap((g) => g.activities).find((x) => x.id === e.ref);
        return t("activityAdded", { name: who, text: a ? a.text.trim() || t("untitled") : t("removed") });
      }
      case "agenda_added":
        return t("agendaAdded", { name: who, text: agendaTitle(e.ref) });
      case "step_set":
        return t("stepSet", { name: who, step: String(e.value ?? "–") });
      case "next_meeting_set":
        return typeof e.value === "string" && e.value
          ? t("nextMeetingSet", { name: who, when: format.dateTime(wallClockDate(e.value), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) })
          : t("nextMeetingCleared", { name: who });
      default:
        return "";
    }
  };
  return (
    <ul className="mt-2 ml-5 list-disc space-y-1" data-testid="catch-up-list">
      {summary.phase ? <li>{t("phase", { n: PHASES.indexOf(summary.phase) + 1, phase: tp(`${summary.phase}.name`) })}</li> : null}
      {summary.covered.map((e) => (
        <li key={`c${e.at}${e.ref}`} data-testid="catch-up-covered">
          {t("covered", { item: agendaTitle(e.ref), name: withRole(e.by) })}
        </li>
      ))}
      {summary.added.map((e) => (
        <li key={`a${e.at}${e.ref}${e.kind}`} data-testid="catch-up-added">
          {describe(e)}
        </li>
      ))}
    </ul>
  );
}
