"use client";

import { useTranslations } from "next-intl";
import { useFlow, useMeetingView } from "./flow-context";
import { jumpToItem, useFollow } from "./follow-current";
import { formatClock } from "./item-timer";
import { phaseNumber } from "./phase-stepper";
import { elapsedMs, overTimeMs } from "@/lib/collab/meeting-flow";
import { PHASES } from "@/lib/collab/flow-schema";
import { useNames } from "./use-names";
import { useNow } from "./use-now";

/**
 * One compact line under the room's status bar, on every screen size: the step, the item the room
 * is on with its clock, whose turn it is, and "follow the chair" with a way back. On a phone this is
 * how one follows the meeting without scrolling.
 */
export function NowBar() {
  const t = useTranslations("meeting.nowBar");
  const tp = useTranslations("meeting.phases");
  const f = useFlow();
  const view = useMeetingView();
  const { following, setFollowing } = useFollow();
  const { name } = useNames();
  const index = view.agenda.findIndex((i) => i.id === f.flow.currentItemId);
  const item = index >= 0 ? view.agenda[index]! : null;
  const round = f.flow.round;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-900" data-testid="now-bar">
      <span className="font-semibold" data-testid="now-phase">
        {t("step", { n: phaseNumber(f.flow.phase), total: PHASES.length, name: tp(`${f.flow.phase}.name`) })}
      </span>
      {item ? (
        <span className="inline-flex items-center gap-1">
          <span>{t("item", { n: index + 1, title: item.title.trim() || t("untitled") })}</span>
          <NowClock itemId={item.id} minutes={item.minutes} />
        </span>
      ) : null}
      {round?.current ? (
        <span data-testid="now-turn">
          {round.current === f.me.id ? <strong>{t("yourTurn")}</strong> : t("turn", { name: name(round.current) })}
        </span>
      ) : null}
      {item && f.surface === "room" ? (
        <span className="inline-flex flex-wrap items-center gap-2">
          <button
            type="button"
            className="rounded-md border border-slate-500 bg-white px-2 py-0.5 font-medium hover:bg-slate-100"
            aria-pressed={following}
            onClick={() => setFollowing(!following)}
            data-testid="follow-toggle"
          >
            <span aria-hidden="true">{following ? "✓ " : "○ "}</span>
            {t("follow")}
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-500 bg-white px-2 py-0.5 font-medium hover:bg-slate-100"
            onClick={() => {
              setFollowing(true);
              jumpToItem(item.id);
            }}
            data-testid="jump-to-current"
          >
            {t("jump")}
          </button>
        </span>
      ) : null}
    </div>
  );
}

function NowClock({ itemId, minutes }: { itemId: string; minutes: number | null }) {
  const t = useTranslations("meeting.nowBar");
  const { flow } = useFlow();
  const now = useNow();
  const timer = flow.timers[itemId] ?? { startedAt: null, elapsedMs: 0 };
  const ms = elapsedMs(timer, now);
  const over = (overTimeMs(timer, minutes, now) ?? 0) > 0;
  return (
    <span className={`tabular-nums ${over ? "rounded bg-amber-100 px-1 font-semibold text-amber-950" : ""}`}>
      {minutes !== null ? t("clock", { elapsed: formatClock(ms), limit: formatClock(minutes * 60_000) }) : formatClock(ms)}
      {over ? ` ${t("over")}` : ""}
    </span>
  );
}
