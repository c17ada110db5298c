"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { overTimeMs } from "@/lib/collab/meeting-flow";
import { PHASES, type FlowView } from "@/lib/collab/flow-schema";
import { useFlow, useFlowContext, useMeetingView } from "./flow-context";
import { useNames } from "./use-names";
import { serverNow } from "./server-clock";

/**
 * Remote changes to the meeting, said politely to screen readers: "Lars Nielsen (manager)
 * changed the step to 4 of 6: Agreements". Only what others did (one hears one's own actions
 * already), only the moves that matter — step, chair, item, turn, over time, closing — never
 * each keystroke. One polite live region for the page; sighted people see the same change where
 * it happened (the step list, the item marked "now", the round's list).
 *
 * Nothing is said for what was already so when the page opened: the document arriving with the
 * first sync is the past, not news ("while you were away" tells it, once, to be read at leisure).
 */
export function Announcer() {
  const t = useTranslations("meeting.announce");
  const tp = useTranslations("meeting.phases");
  const f = useFlow();
  const view = useMeetingView();
  const { withRole, name } = useNames();
  const [message, setMessage] = useState("");
  const [prev, setPrev] = useState<FlowView>(f.flow);
  const overSaid = useRef(new Set<string>());
  const live = useLive();

  // What changed since the last render is derived while rendering (React's "adjust state when a
  // prop changes"), so one remote update is announced once, without an extra effect pass.
  if (prev !== f.flow) {
    setPrev(f.flow);
    const said = live ? describeChange(prev, f.flow) : [];
    if (said.length > 0) setMessage(said.join(" "));
  }

  function describeChange(before: FlowView, now: FlowView): string[] {
    const me = f.me.id;
    const said: string[] = [];
    if (now.phase !== before.phase && now.phaseSince && now.phaseSince.by !== me) {
      said.push(
        t("phase", {
          name: withRole(now.phaseSince.by),
          n: PHASES.indexOf(now.phase) + 1,
          total: PHASES.length,
          phase: tp(`${now.phase}.name`),
        }),
      );
    }
    if (now.chairId !== before.chairId && now.chairId && now.chairSince?.by !== me) said.push(t("chair", { name: withRole(now.chairId) }));
    if (now.currentItemId !== before.currentItemId && now.currentItemId && now.currentSince?.by !== me) {
      const index = view.agenda.findIndex((i) => i.id === now.currentItemId);
      const item = view.agenda[index];
      if (item) said.push(t("item", { n: index + 1, title: item.title.trim() || t("untitled") }));
    }
    const r = now.round;
    const rb = before.round;
    if (r && r.endedAt === null && (!rb || rb.id !== r.id) && r.startedBy !== me) {
      said.push(t("roundStarted", { topic: r.topic || t("noTopic") }));
    }
    if (r && r.endedAt === null && r.current && (r.current !== rb?.current || rb?.id !== r.id)) {
      said.push(r.current === me ? t("yourTurn") : t("turn", { name: name(r.current) }));
    }
    if (r && rb && rb.id === r.id && rb.endedAt === null && r.endedAt !== null) said.push(t("roundEnded"));
    if (now.closed && !before.closed && now.closed.by !== me) said.push(t("closed"));
    return said;
  }

  // Over time: said once per item, when it crosses its timebox (checked every few seconds).
  useEffect(() => {
    const check = () => {
      const id = f.flow.currentItemId;
      const index = view.agenda.findIndex((i) => i.id === id);
      const item = view.agenda[index];
      const timer = id ? f.flow.timers[id] : undefined;
      if (!item || !timer || item.minutes === null || overSaid.current.has(item.id)) return;
      if ((overTimeMs(timer, item.minutes, serverNow()) ?? 0) > 0) {
        overSaid.current.add(item.id);
        // Over time already when the page opened: the clock shows it; not news to read out.
        if (live) setMessage(t("overTime", { n: index + 1, minutes: item.minutes }));
      }
    };
    check();
    const timer = setInterval(check, 5_000);
    return () => clearInterval(timer);
  }, [f.flow.currentItemId, f.flow.timers, view.agenda, t, live]);

  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {message}
    </p>
  );
}

/**
 * True from the render after the first sync with the server on: the render that brings the
 * document's past (the sync's update and the "synced" flag often arrive in one batch) is never
 * live, so nothing in it is read out. A later reconnect does not reset it: what others did while
 * this browser was offline is news too.
 */
export function useLive(): boolean {
  const { conn } = useFlowContext();
  const snap = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  const [live, setLive] = useState(false);
  const synced = snap.synced && snap.loaded;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one render later on purpose (see above)
    if (synced) setLive(true);
  }, [synced]);
  return live;
}
