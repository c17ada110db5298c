"use client";

import { useContext } from "react";
import { useTranslations } from "next-intl";
import { setCurrentItem } from "@/lib/collab/meeting-flow";
import { buttonClass } from "@/app/_components/ui/classes";
import { FlowContextOptional } from "./flow-optional";
import { flowActor, isChairIn, useFlowContext, useFlowValue } from "./flow-context";
import { ItemTimer, formatClock } from "./item-timer";

/**
 * The meeting's state on one agenda item: "now" with its clock when the room is on it (in words,
 * with a thick border — not colour alone), the time it took once covered, and for the chair a
 * button to move the room here. Renders nothing outside a meeting flow (e.g. an old test page).
 */
export function AgendaItemFlow({ itemId, minutes, title }: { itemId: string; minutes: number | null; title: string }) {
  if (!useContext(FlowContextOptional)) return null;
  return <Inner itemId={itemId} minutes={minutes} title={title} />;
}

function Inner({ itemId, minutes, title }: { itemId: string; minutes: number | null; title: string }) {
  const t = useTranslations("meeting.agendaItem");
  const ctx = useFlowContext();
  // Only this item's part of the flow: one render per item for every log entry was most of the
  // cost of adding an item in a long meeting (issue 13 §4).
  const current = useFlowValue((flow) => flow.currentItemId === itemId);
  const timer = useFlowValue((flow) => flow.timers[itemId]);
  const isChair = useFlowValue((flow) => isChairIn(ctx, flow));
  if (current) {
    return (
      <div
        className="mb-3 flex flex-wrap items-center gap-3 rounded-md border-2 border-slate-900 bg-slate-100 px-3 py-2"
        data-testid="agenda-item-now"
        data-item-focus
        tabIndex={-1}
      >
        <span className="font-bold text-slate-900">
          <span aria-hidden="true">▶ </span>
          {t("now")}
        </span>
        <ItemTimer timer={timer ?? { startedAt: null, elapsedMs: 0 }} minutes={minutes} />
      </div>
    );
  }
  const took = timer !== undefined && timer.elapsedMs > 0;
  if (!took && !isChair) return null;
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3 text-sm text-slate-800">
      {took && timer.elapsedMs > 0 ? <span>{t("took", { time: formatClock(timer.elapsedMs) })}</span> : null}
      {isChair ? (
        <button
          type="button"
          className={buttonClass}
          onClick={() => setCurrentItem(ctx.conn.doc, itemId, flowActor(ctx))}
          aria-label={t("moveHereNamed", { title: title.trim() || t("untitled") })}
          data-testid="agenda-move-here"
        >
          {t("moveHere")}
        </button>
      ) : null}
    </div>
  );
}
