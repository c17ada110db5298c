"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { coverAndAdvance, pauseTimer, setCurrentItem, startTimer } from "@/lib/collab/meeting-flow";
import { buttonClass, inputBaseClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { useFlow, useMeetingView } from "./flow-context";
import { ItemTimer } from "./item-timer";
import { jumpToItem } from "./follow-current";
import { useNames } from "./use-names";

/**
 * The agenda item the room is on, its clock, and — for the chair — the buttons that move the
 * meeting: start or pause the clock, "covered, next item", or go to any item.
 *
 * `first`: on a phone the room starts with this panel, above the meeting's own section, so it is
 * a part of its own (a level-2 heading, for a screen reader only: the item's title is the first
 * thing one sees) and says whose turn it is (the speaking round is further down there).
 */
export function CurrentItemPanel({ first = false }: { first?: boolean }) {
  const t = useTranslations("meeting.current");
  const tn = useTranslations("meeting.nowBar");
  const f = useFlow();
  const { name } = useNames();
  const speaker = f.flow.round?.endedAt === null ? f.flow.round.current : null;
  const Outer = first ? "section" : "div";
  const Heading = first ? "h2" : "h3";
  const view = useMeetingView();
  const id = useId();
  const items = view.agenda;
  const index = items.findIndex((i) => i.id === f.flow.currentItemId);
  const item = index >= 0 ? items[index]! : null;
  const timer = item ? (f.flow.timers[item.id] ?? { startedAt: null, elapsedMs: 0 }) : null;
  const firstOpen = items.find((i) => !i.done) ?? items[0];
  const [target, setTarget] = useState("");
  const doc = f.conn.doc;

  return (
    <Outer
      aria-labelledby={first ? `${id}-title` : undefined}
      className="rounded-lg border border-slate-300 bg-slate-50 p-3 sm:p-4"
      data-testid="current-item-panel"
    >
      <Heading id={`${id}-title`} className={first ? "sr-only" : "text-lg font-semibold text-slate-900"}>
        {t("title")}
      </Heading>
      {item && timer ? (
        <div className={`${first ? "" : "mt-1"} space-y-2`}>
          <p className="text-lg text-slate-900" data-testid="current-item-title" data-item-id={item.id}>
            {t("item", { n: index + 1, title: item.title.trim() || t("untitled") })}
          </p>
          <ItemTimer timer={timer} minutes={item.minutes} />
          {first && speaker ? (
            <p className="text-slate-900" data-testid="current-item-turn">
              {speaker === f.me.id ? <strong>{tn("yourTurn")}</strong> : tn("turn", { name: name(speaker) })}
            </p>
          ) : null}
          {f.surface === "room" ? (
            <p>
              <button
                type="button"
                className="text-sm font-medium text-blue-800 underline underline-offset-2"
                onClick={() => jumpToItem(item.id)}
              >
                {t("showInAgenda")}
              </button>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-slate-800" data-testid="current-item-none">
          {items.length === 0 ? t("noAgenda") : t("none")}
        </p>
      )}

      {f.isChair && items.length > 0 ? (
        <div className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-300 pt-3" role="group" aria-label={t("chairControls")}>
          {item && timer ? (
            <>
              {timer.startedAt === null ? (
                <button type="button" className={buttonClass} onClick={() => startTimer(doc, item.id, f.actor())} data-testid="timer-start">
                  {t("startClock")}
                </button>
              ) : (
                <button type="button" className={buttonClass} onClick={() => pauseTimer(doc, item.id, f.actor())} data-testid="timer-pause">
                  {t("pauseClock")}
                </button>
              )}
              <button
                type="button"
                className={primaryButtonClass}
                onClick={() => coverAndAdvance(doc, f.actor())}
                data-testid="item-cover-next"
              >
                {t("coverNext")}
              </button>
            </>
          ) : firstOpen ? (
            <button
              type="button"
              className={primaryButtonClass}
              onClick={() => setCurrentItem(doc, firstOpen.id, f.actor())}
              data-testid="item-start-first"
            >
              {t("startWith", { title: firstOpen.title.trim() || t("untitled") })}
            </button>
          ) : null}
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (target && items.some((i) => i.id === target)) setCurrentItem(doc, target, f.actor());
            }}
          >
            <div>
              <label htmlFor={`${id}-goto`} className={labelClass}>
                {t("goTo")}
              </label>
              <select
                id={`${id}-goto`}
                className={`${inputBaseClass} mt-1 max-w-64`}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                data-testid="item-goto-select"
              >
                <option value="">{t("choose")}</option>
                {items.map((i, n) => (
                  <option key={i.id} value={i.id}>
                    {t("option", { n: n + 1, title: i.title.trim() || t("untitled") })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass} data-testid="item-goto">
              {t("go")}
            </button>
          </form>
        </div>
      ) : null}
    </Outer>
  );
}
