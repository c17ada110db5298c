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
 *
 * Every action row and sub-goal card asks this. The store read returns the field's own warnings
 * as a string (equal strings are the same snapshot to React), so a row re-renders when its
 * warning changes, not on every change to the document (issue 13 §4: with the whole view as the
 * snapshot, each added action re-rendered every row).
 */
export function useFieldDateWarning(field: DateWarning["field"], itemId: string | null): string | null {
  const flow = useOptionalFlowContext();
  const { conn } = useRoom();
  const meetingDate = flow?.meetingDate ?? null;
  const read = () => {
    const view = conn.view.getSnapshot();
    const mine = warningsFor(planDateWarnings({ meetingDate, plan: view.plan, actions: view.actions }), field, itemId);
    return mine.length === 0 ? "" : JSON.stringify(mine);
  };
  const found = useSyncExternalStore(conn.view.subscribe, read, read);
  const t = useTranslations("meeting.dates.field");
  const format = useFormatter();
  if (found === "") return null;
  const day = (d: string) => format.dateTime(wallClockDate(`${d}T00:00`), { dateStyle: "medium", timeZone: "UTC" });
  return (JSON.parse(found) as DateWarning[])
    .map((w) =>
      w.kind === "beforeMeeting"
        ? t("beforeMeeting", { meeting: day(w.meetingDate) })
        : t("targetBeforeSubGoal", { item: w.text.trim() || "…", subGoalDate: day(w.subGoalDate) }),
    )
    .join(" ");
}
