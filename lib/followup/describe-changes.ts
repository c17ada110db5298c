import type { Translate } from "../agreements/labels";
import { formatDay, formatLocalDateTime, formatValue } from "./format";
import type { PlanChange, Value } from "./plan-diff";

/**
 * The changes of plan-diff.ts as plain sentences in one language ("Hours a week: 15 → 22",
 * "Step 3 → 4", "New activity: …", "Action removed: …"), with the room's own words for the mixer
 * dimensions, tools and action statuses (lib/i18n/messages, `followup.diff.*`). `t` looks up a
 * full message key: `translator(locale)` on the server, next-intl's `useTranslations()` in the
 * room (which already holds the messages), so this file pulls no catalogue into the browser.
 */
export function describeChanges(changes: readonly PlanChange[], locale: string, t: Translate): string[] {
  const notSet = t("followup.diff.notSet");
  const text = (v: Value) => (v === null ? notSet : typeof v === "number" ? formatValue(v, locale) : v);
  const date = (v: Value) => (typeof v === "string" ? formatDay(v, locale) : notSet);
  const dateTime = (v: Value) => (typeof v === "string" ? formatLocalDateTime(v, locale) : notSet);
  const status = (v: Value) =>
    typeof v === "string" && ["open", "in_progress", "done"].includes(v) ? t(`room.actions.statuses.${v}`) : text(v);
  const pair = (key: string, c: PlanChange, show: (v: Value) => string = text) =>
    t(`followup.diff.${key}`, { subject: c.subject ?? "", from: show(c.from), to: show(c.to) });
  /** A list item (sub-goal, activity, tool, action): added when `from` is null, else removed. */
  const item = (key: string, c: PlanChange, show: (v: Value) => string = text) =>
    c.from === null
      ? t(`followup.diff.${key}Added`, { subject: c.subject ?? "", text: show(c.to) })
      : t(`followup.diff.${key}Removed`, { subject: c.subject ?? "", text: show(c.from) });

  return changes.map((c) => {
    switch (c.field) {
      case "step":
        return pair("step", c, (v) => (v === null ? "–" : text(v)));
      case "mixer":
        return t("followup.diff.mixer", {
          dimension: t(`mixer.${c.subject}`),
          from: c.from === null ? notSet : text(c.from),
          to: c.to === null ? notSet : text(c.to),
        });
      case "goal":
        return pair("goal", c);
      case "goalTargetDate":
        return pair("goalTargetDate", c, date);
      case "subGoal":
        return item("subGoal", c);
      case "subGoal.text":
        return pair("subGoalText", c);
      case "subGoal.due":
        return pair("subGoalDue", c, date);
      case "measure.label":
        return pair("measureLabel", c);
      case "measure.unit":
        return pair("measureUnit", c);
      case "measure.from":
        return pair("measureFrom", c);
      case "measure.target":
        return pair("measureTarget", c);
      case "activity":
        return item("activity", c);
      case "activity.text":
        return pair("activityText", c);
      case "activity.who":
        return pair("activityWho", c);
      case "activity.schedule":
        return pair("activitySchedule", c);
      case "tool":
        return item("tool", c, (v) => (typeof v === "string" ? t(`tools.${v}`) : notSet));
      case "action":
        return item("action", c);
      case "action.text":
        return pair("actionText", c);
      case "action.owner":
        return pair("actionOwner", c);
      case "action.due":
        return pair("actionDue", c, date);
      case "action.status":
        return pair("actionStatus", c, status);
      case "followUp.howOften":
        return pair("howOften", c);
      case "followUp.jobCentre":
        return pair("jobCentre", c);
      case "followUp.nextMeetingAt":
        return pair("nextMeetingAt", c, dateTime);
    }
  });
}
