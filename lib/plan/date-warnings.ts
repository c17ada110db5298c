/**
 * Dates in the plan that are probably a slip, for a calm warning at the field and in the closing
 * check (never a refusal: the room may have a reason). All dates are `YYYY-MM-DD`, compared as
 * text, which orders them correctly.
 *
 * - an action's or a sub-goal's date before the meeting's own date (already past when agreed);
 * - the goal's target date before a sub-goal's date (the goal would be due before its steps);
 * - the goal's target date before the meeting's date.
 */
export type DateWarning =
  | {
      kind: "beforeMeeting";
      field: "action.due" | "subGoal.due" | "goalTargetDate";
      itemId: string | null;
      text: string;
      date: string;
      meetingDate: string;
    }
  | { kind: "targetBeforeSubGoal"; field: "goalTargetDate"; itemId: string; text: string; date: string; subGoalDate: string };

export type DatedPlan = {
  goalTargetDate: string | null;
  subGoals: readonly { id: string; text: string; due: string | null }[];
};
export type DatedAction = { id: string; text: string; due: string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string | null | undefined): d is string => typeof d === "string" && ISO_DATE.test(d);

export function planDateWarnings(input: { meetingDate: string | null; plan: DatedPlan; actions: readonly DatedAction[] }): DateWarning[] {
  const { meetingDate, plan } = input;
  const out: DateWarning[] = [];
  const meeting = isDate(meetingDate) ? meetingDate : null;
  if (meeting) {
    if (isDate(plan.goalTargetDate) && plan.goalTargetDate < meeting) {
      out.push({ kind: "beforeMeeting", field: "goalTargetDate", itemId: null, text: "", date: plan.goalTargetDate, meetingDate: meeting });
    }
    for (const g of plan.subGoals) {
      if (isDate(g.due) && g.due < meeting)
        out.push({ kind: "beforeMeeting", field: "subGoal.due", itemId: g.id, text: g.text, date: g.due, meetingDate: meeting });
    }
    for (const a of input.actions) {
      if (isDate(a.due) && a.due < meeting)
        out.push({ kind: "beforeMeeting", field: "action.due", itemId: a.id, text: a.text, date: a.due, meetingDate: meeting });
    }
  }
  if (isDate(plan.goalTargetDate)) {
    for (const g of plan.subGoals) {
      if (isDate(g.due) && plan.goalTargetDate < g.due) {
        out.push({
          kind: "targetBeforeSubGoal",
          field: "goalTargetDate",
          itemId: g.id,
          text: g.text,
          date: plan.goalTargetDate,
          subGoalDate: g.due,
        });
      }
    }
  }
  return out;
}

/** The warnings about one field (an action's or sub-goal's date, or the goal's target date). */
export function warningsFor(warnings: readonly DateWarning[], field: DateWarning["field"], itemId: string | null): DateWarning[] {
  return warnings.filter((w) => w.field === field && (field === "goalTargetDate" || w.itemId === itemId));
}
