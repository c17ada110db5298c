"use client";

import { useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { planDateWarnings, warningsFor, type DateWarning } from "@/lib/plan/date-warnings";
import { useRoom } from "../room/room-context";
import { useOptionalFlowContext } from "./flow-context";
import { wallClockDate } from "./wall-clock";

/**
 * The calm warning under a date field of the plan (lib/plan/date-warnings.ts): a date before the
 * meeting's own day, or the goal's date before a sub-goal's. Null when all is well, or outside a
 * meeting (no meeting date to compare with).
 */
export function useFieldDateWarning(field: DateWarning["field"], itemId: string | null): string | null {
  const flow = useOptionalFlowContext();
  const { conn } = useRoom();
  const view = useSyncExternalStore(conn.view.subscribe, conn.view.getSnapshot, conn.view.getSnapshot);
  const t = useTranslations("meeting.dates.field");
  const format = useFormatter();
  const meetingDate = flow?.meetingDate ?? null;
  const day = (d: string) => format.dateTime(wallClockDate(`${d}T00:00`), { dateStyle: "medium", timeZone: "UTC" });
  const mine = warningsFor(planDateWarnings({ meetingDate, plan: view.plan, actions: view.actions }), field, itemId);
  if (mine.length === 0) return null;
  return mine
    .map((w) =>
      w.kind === "beforeMeeting"
        ? t("beforeMeeting", { meeting: day(w.meetingDate) })
        : t("targetBeforeSubGoal", { item: w.text.trim() || "…", subGoalDate: day(w.subGoalDate) }),
    )
    .join(" ");
}
