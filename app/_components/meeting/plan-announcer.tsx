"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { LogEntry, LogKind } from "@/lib/collab/flow-schema";
import { useLive } from "./announcer";
import { useFlow } from "./flow-context";
import { useNames } from "./use-names";

/** A burst of edits is gathered this long before it is said, so one sentence covers it. */
const GATHER_MS = 2_000;
/** And never more often than this: the plan is being written together; a screen reader must not chatter. */
const QUIET_MS = 10_000;
/** More than this many different things in one summary: the rest is "and more changes". */
const MOST = 3;

/** The change-log kinds that are edits to the plan, the actions, the agenda and the follow-up. */
const SAID: Partial<Record<LogKind, string>> = {
  action_added: "actionAdded",
  subgoal_added: "subGoalAdded",
  activity_added: "activityAdded",
  agenda_added: "agendaAdded",
  step_set: "stepSet",
  next_meeting_set: "nextMeetingSet",
  plan_changed: "planChanged",
  followup_changed: "followUpChanged",
  subgoal_changed: "subGoalChanged",
  activity_changed: "activityChanged",
  action_changed: "actionChanged",
  agenda_changed: "agendaChanged",
  subgoal_removed: "subGoalRemoved",
  activity_removed: "activityRemoved",
  action_removed: "actionRemoved",
  agenda_removed: "agendaRemoved",
};

const keyOf = (e: LogEntry) => `${e.kind}|${e.ref ?? ""}|${e.by}|${e.at}`;

/**
 * Other people's edits to the plan, said politely and seldom: "Lars Nielsen (manager) added an
 * action." A screen reader user hears that the plan moved without hearing every keystroke; what
 * exactly changed is on the page (and in "while you were away"). Read from the shared change log —
 * who did what, never the texts — and only for what arrives while this person is in the room.
 */
export function PlanAnnouncer() {
  const t = useTranslations("meeting.announce.plan");
  const f = useFlow();
  const { withRole } = useNames();
  const live = useLive();
  const [message, setMessage] = useState("");
  const known = useRef<Set<string> | null>(null);
  const pending = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaid = useRef(0);

  const me = f.me.id;
  const log = f.flow.log;
  useEffect(() => {
    if (!live) return;
    // What was in the log when this person arrived is the past: remembered, never said.
    if (!known.current) {
      known.current = new Set(log.map(keyOf));
      return;
    }
    for (const e of log) {
      const k = keyOf(e);
      if (known.current.has(k)) continue;
      known.current.add(k);
      const key = SAID[e.kind];
      if (!key || e.by === me) continue;
      const sentence = t(key, { name: withRole(e.by) });
      if (!pending.current.includes(sentence)) pending.current.push(sentence);
    }
    if (pending.current.length === 0 || timer.current) return;
    const wait = Math.max(GATHER_MS, lastSaid.current + QUIET_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastSaid.current = Date.now();
      const said = pending.current;
      pending.current = [];
      setMessage([...said.slice(0, MOST), ...(said.length > MOST ? [t("more")] : [])].join(" "));
    }, wait);
  }, [live, log, me, t, withRole]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="plan-announcer">
      {message}
    </p>
  );
}
