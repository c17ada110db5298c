"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type * as Y from "yjs";
import { catchUpSince, catchUpStart, marksToRenew, type CatchUp } from "@/lib/collab/flow-catch-up";
import type { ConsentItem } from "@/lib/collab/flow-closing";
import { markSeen } from "@/lib/collab/flow-read";
import { PHASES, type LogEntry } from "@/lib/collab/flow-schema";
import { buttonClass } from "@/app/_components/ui/classes";
import { useFlow, useMeetingView } from "./flow-context";
import { serverNow, syncServerClock } from "./server-clock";
import { useNames } from "./use-names";
import { wallClockDate } from "./closing-check";
import { useClosingCheck } from "./consent-board";

/** How often this browser says "I am here" in the shared document (a per-person timestamp). */
const HEARTBEAT_MS = 60_000;
const CLOCK_SLACK_MS = 2_000;

type Away = { since: number; until: number };

/**
 * "While you were away": someone who joins late or drops out — for however short a time — sees
 * which items were covered, where the meeting moved, what others added, changed and removed in the
 * plan, the actions and the agenda, by whom, and which of their own marks must be given again
 * because the item changed. Read from the shared change log since they were last here or, the first
 * time, since the meeting began; shown only when something did happen. Nothing private: the log
 * holds ids, the texts are read from the document.
 *
 * "Since they were last here": after a reload, their last heartbeat (written every minute and when
 * the page is hidden or closed); on the same page after a drop, the last moment anything reached
 * this browser from the others — whatever happened after it did not reach them.
 */
export function CatchUpNotice() {
  const f = useFlow();
  const id = useId();
  const conn = useSyncExternalStore(f.conn.subscribe, f.conn.getSnapshot, f.conn.getSnapshot);
  /** What to tell: what others did from `since` until the person was back (`until`). */
  const [away, setAway] = useState<Away | null>(null);
  const open = (since: number) => {
    // Clocks of different browsers differ a little: what arrives stamped a moment "later" counts too.
    const until = Math.round(serverNow()) + CLOCK_SLACK_MS;
    setAway((w) => (w ? { since: Math.min(w.since, since), until } : { since, until }));
  };
  const started = useRef(false);
  /** The first read is done (and the clock synced): from now on this page may say "I am here". */
  const ready = useRef(false);
  const lastBeat = useRef<number | null>(null);
  /** When something from the others last reached this page (a change or a presence ping). */
  const lastHeard = useRef<number | null>(null);
  /** Taken when the connection drops: the sync on return is "heard" too, and must not count. */
  const awayFrom = useRef<number | null>(null);
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
      // First time here: everything since the meeting began. Back again: since I was last here.
      if (from !== null) open(from);
      ready.current = true;
      beat();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page, on the first sync
  }, [online]);

  // What reaches this page from the others, and when.
  useEffect(() => {
    const doc = f.conn.doc;
    const awareness = f.conn.awareness;
    const heard = () => {
      lastHeard.current = serverNow();
    };
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) heard();
    };
    const onAwareness = (_change: unknown, origin: unknown) => {
      if (origin !== "local") heard();
    };
    doc.on("afterTransaction", onTransaction);
    awareness.on("update", onAwareness);
    return () => {
      doc.off("afterTransaction", onTransaction);
      awareness.off("update", onAwareness);
    };
  }, [f.conn]);

  // Back after a drop, however short: everything since the others were last heard (shown only if
  // anything happened). A list not yet dismissed keeps its earlier start.
  useEffect(() => {
    if (!online && wasOnline.current) awayFrom.current = lastHeard.current ?? lastBeat.current ?? Math.round(serverNow());
    if (online && !wasOnline.current && started.current && awayFrom.current !== null) {
      const from = awayFrom.current;
      awayFrom.current = null;
      open(from);
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

  const summary = away ? catchUpSince(f.flow.log, away.since, f.me.id, away.until) : null;
  const nothing = summary?.empty === true;
  // Nothing happened while they were away: nothing to say, and the next absence starts afresh.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears an absence that turned out empty
    if (nothing) setAway(null);
  }, [nothing]);
  if (!summary || summary.empty) return null;
  return <CatchUpSection summary={summary} id={id} onDismiss={() => setAway(null)} />;
}

function CatchUpSection({ summary, id, onDismiss }: { summary: CatchUp; id: string; onDismiss: () => void }) {
  const t = useTranslations("meeting.catchUp");
  const f = useFlow();
  const check = useClosingCheck();
  const renew = marksToRenew(check, f.me.id);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mb-4 rounded-xl border-2 border-blue-800 bg-blue-50 p-4 text-slate-900"
      data-testid="catch-up"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <CatchUpList summary={summary} />
      {renew.length > 0 ? <RenewList items={renew} /> : null}
      <button type="button" className={`${buttonClass} mt-3`} onClick={onDismiss} data-testid="catch-up-dismiss">
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
          ? t("nextMeetingSet", {
              name: who,
              when: format.dateTime(wallClockDate(e.value), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }),
            })
          : t("nextMeetingCleared", { name: who });
      case "plan_changed": {
        const part =
          e.ref === "goal"
            ? t("planPart.goal", { text: view.plan.goal.trim() || t("untitled") })
            : t.has(`planPart.${e.ref}`)
              ? t(`planPart.${e.ref}`)
              : t("planPart.other");
        return t("planChanged", { name: who, what: part });
      }
      case "followup_changed": {
        const text = e.ref === "howOften" ? view.followUp.howOften : e.ref === "jobCentre" ? view.followUp.jobCentre : null;
        const part =
          text !== null && (e.ref === "howOften" || e.ref === "jobCentre")
            ? t(`followUpPart.${e.ref}`, { text: text.trim() || t("untitled") })
            : t("followUpPart.other");
        return t("planChanged", { name: who, what: part });
      }
      case "subgoal_changed": {
        const g = view.plan.subGoals.find((x) => x.id === e.ref);
        return t("subGoalChanged", { name: who, text: g ? g.text.trim() || t("untitled") : t("removed") });
      }
      case "activity_changed": {
        const a = view.plan.subGoals.flatMap((g) => g.activities).find((x) => x.id === e.ref);
        return t("activityChanged", { name: who, text: a ? a.text.trim() || t("untitled") : t("removed") });
      }
      case "action_changed": {
        const a = view.actions.find((x) => x.id === e.ref);
        return t("actionChanged", { name: who, text: a ? a.text.trim() || t("untitled") : t("removed") });
      }
      case "agenda_changed":
        return t("agendaChanged", { name: who, text: agendaTitle(e.ref) });
      case "subgoal_removed":
        return t("subGoalRemoved", { name: who });
      case "activity_removed":
        return t("activityRemoved", { name: who });
      case "action_removed":
        return t("actionRemoved", { name: who });
      case "agenda_removed":
        return t("agendaRemoved", { name: who });
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
      {summary.changed.map((e) => (
        <li key={`c${e.at}${e.ref}${e.kind}${e.by}`} data-testid="catch-up-changed" data-kind={e.kind}>
          {describe(e)}
        </li>
      ))}
      {summary.removed.map((e) => (
        <li key={`r${e.at}${e.ref}${e.kind}`} data-testid="catch-up-removed" data-kind={e.kind}>
          {describe(e)}
        </li>
      ))}
    </ul>
  );
}

/** My marks that no longer count: the item's text changed after I marked it. */
function RenewList({ items }: { items: ConsentItem[] }) {
  const t = useTranslations("meeting.catchUp");
  const tc = useTranslations("meeting.consent");
  const label = (item: ConsentItem) => {
    // An item of NAV's follow-up plan by its kind and title (its `text` is the item written out).
    if (item.title !== undefined) return `${tc(`kind.${item.kind}`)}: ${item.title || t("untitled")}`;
    const text = item.text.trim() || t("untitled");
    return item.kind === "action" ? t("renewAction", { text }) : item.kind === "subGoal" ? t("renewSubGoal", { text }) : text;
  };
  return (
    <div className="mt-3" data-testid="catch-up-renew">
      <p className="font-semibold">{t("renewTitle")}</p>
      <ul className="mt-1 ml-5 list-disc space-y-1">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`} data-testid="catch-up-renew-item">
            {label(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
