import * as Y from "yjs";
import { checkCatalogueFacts, readCatalogueFacts, type CatalogueFacts } from "../plan/activity-catalogue";
import { planMap, type SubGoalView } from "./schema";
import { checkDate, checkNumber, findById, newId, numOrNull, str, strOrNull, textOf, plain } from "./values";
import { moveTo, ordered, posAtEnd } from "./order";
import { AppError } from "../errors";
import { checkTextLength } from "./text-limits";
import { isMeasureSchedule, type MeasureSchedule } from "../plan/measure-schedule";

/** Measures are free scales (pain 1–10, hours a week …); this only keeps numbers sane. */
export const MEASURE_LIMIT = 100_000;

function subGoalsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  const a = planMap(doc).get("subGoals");
  if (!(a instanceof Y.Array)) throw new AppError("NOT_FOUND", "the plan has no sub-goals list");
  return a as Y.Array<Y.Map<unknown>>;
}

function activitiesOf(subGoal: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  const a = subGoal.get("activities");
  if (!(a instanceof Y.Array)) throw new AppError("NOT_FOUND", "sub-goal has no activities list");
  return a as Y.Array<Y.Map<unknown>>;
}

export type NewSubGoal = {
  text: string;
  due?: string | null;
  measureLabel?: string;
  measureFrom?: number | null;
  measureTarget?: number | null;
  measureUnit?: string;
  measureSchedule?: MeasureSchedule | null;
  id?: string;
};

export function addSubGoal(doc: Y.Doc, input: NewSubGoal): string {
  const due = checkDate("due", input.due ?? null);
  const from = checkNumber("measureFrom", input.measureFrom ?? null, -MEASURE_LIMIT, MEASURE_LIMIT);
  const target = checkNumber("measureTarget", input.measureTarget ?? null, -MEASURE_LIMIT, MEASURE_LIMIT);
  checkTextLength("text", "subGoalText", input.text);
  checkTextLength("measureLabel", "measureLabel", input.measureLabel ?? "");
  checkTextLength("measureUnit", "measureUnit", input.measureUnit ?? "");
  const id = input.id ?? newId();
  doc.transact(() => {
    const arr = subGoalsArray(doc);
    const m = new Y.Map<unknown>();
    m.set("id", id);
    m.set("text", new Y.Text(input.text));
    m.set("due", due);
    m.set("measureLabel", new Y.Text(input.measureLabel ?? ""));
    m.set("measureFrom", from);
    m.set("measureTarget", target);
    m.set("measureUnit", new Y.Text(input.measureUnit ?? ""));
    if (input.measureSchedule) m.set("measureSchedule", scheduleOf(input.measureSchedule));
    m.set("activities", new Y.Array<Y.Map<unknown>>());
    m.set("pos", posAtEnd(arr));
    arr.push([m]);
  });
  return id;
}

export function removeSubGoal(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const arr = subGoalsArray(doc);
    arr.delete(findById(arr, id, "sub-goal").index, 1);
  });
}

export function moveSubGoal(doc: Y.Doc, id: string, toIndex: number): void {
  doc.transact(() => {
    const arr = subGoalsArray(doc);
    moveTo(arr, findById(arr, id, "sub-goal").map, toIndex);
  });
}

export function setSubGoalDue(doc: Y.Doc, id: string, due: string | null): void {
  const d = checkDate("due", due);
  doc.transact(() => findById(subGoalsArray(doc), id, "sub-goal").map.set("due", d));
}

export function setMeasureValue(doc: Y.Doc, id: string, which: "from" | "target", value: number | null): void {
  const key = which === "from" ? "measureFrom" : "measureTarget";
  const v = checkNumber(key, value, -MEASURE_LIMIT, MEASURE_LIMIT);
  doc.transact(() => findById(subGoalsArray(doc), id, "sub-goal").map.set(key, v));
}

/** How often the measure's next entry is asked for; null: not asked by e-mail. */
export function setMeasureSchedule(doc: Y.Doc, id: string, schedule: MeasureSchedule | null): void {
  if (schedule !== null && !isMeasureSchedule(schedule))
    throw new AppError("INVALID_INPUT", "unknown measure schedule", { measureSchedule: "enum" });
  doc.transact(() => findById(subGoalsArray(doc), id, "sub-goal").map.set("measureSchedule", schedule));
}

export type SubGoalTextField = "text" | "measureLabel" | "measureUnit";

export function subGoalText(doc: Y.Doc, id: string, field: SubGoalTextField): Y.Text {
  return textOf(findById(subGoalsArray(doc), id, "sub-goal").map, field);
}

export type NewActivity = { text: string; who?: string; schedule?: string; id?: string };

export function addActivity(doc: Y.Doc, subGoalId: string, input: NewActivity): string {
  checkTextLength("text", "activityText", input.text);
  checkTextLength("who", "activityWho", input.who ?? "");
  checkTextLength("schedule", "activitySchedule", input.schedule ?? "");
  const id = input.id ?? newId();
  doc.transact(() => {
    const list = activitiesOf(findById(subGoalsArray(doc), subGoalId, "sub-goal").map);
    const m = new Y.Map<unknown>();
    m.set("id", id);
    m.set("text", new Y.Text(input.text));
    m.set("who", new Y.Text(input.who ?? ""));
    m.set("schedule", new Y.Text(input.schedule ?? ""));
    m.set("pos", posAtEnd(list));
    list.push([m]);
  });
  return id;
}

export function removeActivity(doc: Y.Doc, subGoalId: string, activityId: string): void {
  doc.transact(() => {
    const list = activitiesOf(findById(subGoalsArray(doc), subGoalId, "sub-goal").map);
    list.delete(findById(list, activityId, "activity").index, 1);
  });
}

/**
 * Pick an activity from the catalogue (or change its facts): one JSON value on the activity, the
 * activity's texts stay the person's own. The catalogue's label is never written into a shared
 * text, so the diagnosis guard (which reads the texts) does not fire on it; a sensitive entry the
 * employee did not agree to share is stored as the neutral one (activity-catalogue.ts).
 */
export function setActivityCatalogue(doc: Y.Doc, subGoalId: string, activityId: string, facts: CatalogueFacts | null): void {
  if (facts === null) {
    doc.transact(() =>
      findById(activitiesOf(findById(subGoalsArray(doc), subGoalId, "sub-goal").map), activityId, "activity").map.delete("catalogue"),
    );
    return;
  }
  const checked = checkCatalogueFacts(facts);
  if (!checked.ok) throw new AppError("INVALID_INPUT", "not an activity of the catalogue", { catalogue: "invalid" });
  if (checked.value.from && checked.value.to && checked.value.to < checked.value.from) {
    throw new AppError("INVALID_INPUT", "the period ends before it starts", { to: "before_from" });
  }
  doc.transact(() =>
    findById(activitiesOf(findById(subGoalsArray(doc), subGoalId, "sub-goal").map), activityId, "activity").map.set(
      "catalogue",
      checked.value,
    ),
  );
}

export type ActivityTextField = "text" | "who" | "schedule";

export function activityText(doc: Y.Doc, subGoalId: string, activityId: string, field: ActivityTextField): Y.Text {
  const list = activitiesOf(findById(subGoalsArray(doc), subGoalId, "sub-goal").map);
  return textOf(findById(list, activityId, "activity").map, field);
}

function catalogueOf(a: Y.Map<unknown>): { catalogue?: CatalogueFacts } {
  const facts = readCatalogueFacts(a.get("catalogue"));
  return facts ? { catalogue: facts } : {};
}

function scheduleOf(v: unknown): MeasureSchedule | null {
  return isMeasureSchedule(v) ? v : null;
}

export function readSubGoals(doc: Y.Doc): SubGoalView[] {
  const raw = planMap(doc).get("subGoals");
  if (!(raw instanceof Y.Array)) return [];
  return ordered(raw as Y.Array<Y.Map<unknown>>).map(({ map }) => {
    const acts = map.get("activities");
    return {
      id: plain(map.get("id")),
      text: str(map.get("text")),
      due: strOrNull(map.get("due")),
      measure: {
        label: str(map.get("measureLabel")),
        from: numOrNull(map.get("measureFrom")),
        target: numOrNull(map.get("measureTarget")),
        unit: str(map.get("measureUnit")),
        schedule: scheduleOf(map.get("measureSchedule")),
      },
      activities:
        acts instanceof Y.Array
          ? ordered(acts as Y.Array<Y.Map<unknown>>).map(({ map: a }) => ({
              id: plain(a.get("id")),
              text: str(a.get("text")),
              who: str(a.get("who")),
              schedule: str(a.get("schedule")),
              ...catalogueOf(a),
            }))
          : [],
    };
  });
}
