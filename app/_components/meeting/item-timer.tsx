"use client";

import { useTranslations } from "next-intl";
import { elapsedMs, overTimeMs } from "@/lib/collab/meeting-flow";
import type { TimerState } from "@/lib/collab/flow-schema";
import { useNow } from "./use-now";

/** "4:05" or "1:02:05": minutes and seconds, hours only when needed. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * An agenda item's clock against its timebox, computed from timestamps each second. Past the
 * timebox it says so in words ("2:05 over time") on a warm background; it never flashes or beeps.
 * Not a live region: a screen reader hears it when it reads the item, and the announcer says once
 * when an item runs over.
 */
export function ItemTimer({ timer, minutes, size = "normal" }: { timer: TimerState; minutes: number | null; size?: "normal" | "large" }) {
  const t = useTranslations("meeting.timer");
  const now = useNow();
  const elapsed = elapsedMs(timer, now);
  const running = timer.startedAt !== null;
  const limit = minutes === null ? null : minutes * 60_000;
  const overBy = overTimeMs(timer, minutes, now);
  const over = overBy !== null && overBy > 0;
  const large = size === "large";
  return (
    <div
      className={`inline-flex flex-wrap items-baseline gap-x-2 rounded-lg border-2 px-3 py-1 ${
        over ? "border-amber-700 bg-amber-50 text-amber-950" : "border-slate-400 bg-white text-slate-900"
      } ${large ? "text-xl 2xl:text-3xl" : "text-base"}`}
      data-testid="item-timer"
      data-running={running ? "true" : "false"}
      data-over={over ? "true" : "false"}
    >
      <span className="sr-only">{running ? t("runningSr") : t("pausedSr")}</span>
      <span className={`font-bold tabular-nums ${large ? "text-4xl 2xl:text-6xl" : "text-xl"}`} data-testid="item-timer-elapsed">
        {formatClock(elapsed)}
      </span>
      {limit !== null ? <span className="tabular-nums">{t("of", { limit: formatClock(limit) })}</span> : <span>{t("noTimebox")}</span>}
      {over ? (
        <span className="font-semibold" data-testid="item-timer-over">
          <span aria-hidden="true">⏱ </span>
          {t("over", { time: formatClock(overBy) })}
        </span>
      ) : null}
      {!running && elapsed > 0 ? <span className="text-sm font-medium">{t("paused")}</span> : null}
    </div>
  );
}
