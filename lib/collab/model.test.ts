import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAction,
  addActivity,
  addAgendaItem,
  addSubGoal,
  agendaTitleText,
  applyTextChange,
  diffRange,
  goalText,
  initMeetingDoc,
  moveAgendaItem,
  readAgenda,
  readMeetingDoc,
  removeAgendaItem,
  setActionStatus,
  setGoalTargetDate,
  setMixer,
  setNextMeetingAt,
  setStep,
  sharedRoots,
  agendaArray,
} from "./index";
import { AppError } from "../errors";

function newDoc(track: "employed" | "unemployed" = "employed"): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track });
  return doc;
}

/** Two replicas that start from the same state and exchange updates only when told to. */
function pair() {
  const a = newDoc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  // Remote updates carry an origin, as a provider's do, so undo managers do not track them.
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
  };
  return { a, b, sync };
}

describe("meeting document model", () => {
  it("keeps the agenda in display order through moves", () => {
    const doc = newDoc();
    const ids = ["One", "Two", "Three"].map((title) => addAgendaItem(doc, { title, minutes: 5 }));
    moveAgendaItem(doc, ids[2]!, 0);
    expect(readAgenda(doc).map((a) => a.title)).toEqual(["Three", "One", "Two"]);
    moveAgendaItem(doc, ids[2]!, 2);
    expect(readAgenda(doc).map((a) => a.title)).toEqual(["One", "Two", "Three"]);
  });

  it("keeps a title edit made while someone else moves the same item", () => {
    const { a, b, sync } = pair();
    const id = addAgendaItem(a, { title: "Status" });
    addAgendaItem(a, { title: "Plan" });
    sync();
    moveAgendaItem(a, id, 1);
    agendaTitleText(b, id).insert(6, " and wishes");
    sync();
    expect(readAgenda(a).map((x) => x.title)).toEqual(["Plan", "Status and wishes"]);
    expect(readAgenda(b)).toEqual(readAgenda(a));
  });

  it("shows items pushed by an outside tool without a position after the others", () => {
    const doc = newDoc();
    addAgendaItem(doc, { title: "First" });
    const outside = new Y.Map<unknown>();
    outside.set("id", "outside-1");
    outside.set("title", new Y.Text("From another tool"));
    agendaArray(doc).insert(0, [outside]);
    expect(readAgenda(doc).map((a) => a.title)).toEqual(["First", "From another tool"]);
    expect(readAgenda(doc)[1]).toMatchObject({ minutes: null, done: false, notesText: "" });
  });

  it("merges concurrent typing in the same text", () => {
    const { a, b, sync } = pair();
    applyTextChange(goalText(a), "", "Back to work");
    sync();
    applyTextChange(goalText(a), "Back to work", "Back to my work");
    applyTextChange(goalText(b), "Back to work", "Back to work within 6 months");
    sync();
    expect(goalText(a).toString()).toBe("Back to my work within 6 months");
    expect(goalText(b).toString()).toBe(goalText(a).toString());
  });

  it("never splits a surrogate pair when diffing", () => {
    const doc = newDoc();
    const t = goalText(doc);
    applyTextChange(t, "", "a😀b");
    applyTextChange(t, "a😀b", "a😃b");
    expect(t.toString()).toBe("a😃b");
  });

  it("gives the field's composition path the same whole-pair range", () => {
    // 😀 and 😃 share their high surrogate: the range must still cover the whole pair.
    expect(diffRange("a😀b", "a😃b")).toEqual({ start: 1, end: 3, insert: "😃" });
  });

  it("refuses a step that is not on the case's staircase", () => {
    expect(() => setStep(newDoc("unemployed"), 4)).toThrow(AppError);
    const doc = newDoc("employed");
    setStep(doc, 4);
    expect(readMeetingDoc(doc).plan.step).toBe(4);
  });

  it("refuses impossible dates, out-of-range sliders and timeboxes, and leaves the doc unchanged", () => {
    const doc = newDoc();
    expect(() => setGoalTargetDate(doc, "2026-02-30")).toThrow(/real date/);
    expect(() => setMixer(doc, "hours", 6)).toThrow(AppError);
    expect(() => addAgendaItem(doc, { title: "x", minutes: 0 })).toThrow(AppError);
    expect(() => setNextMeetingAt(doc, "2026-01-01T25:00")).toThrow(AppError);
    const view = readMeetingDoc(doc);
    expect(view.plan.goalTargetDate).toBeNull();
    expect(view.plan.mixer).toEqual({});
    expect(view.agenda).toEqual([]);
  });

  it("reads the whole plan as plain data", () => {
    const doc = newDoc();
    const sg = addSubGoal(doc, { text: "Hours up", measureLabel: "Hours a week", measureFrom: 15, measureTarget: 37, due: "2026-03-01" });
    addActivity(doc, sg, { text: "Internship", who: "Kurt", schedule: "15 h/week" });
    const act = addAction(doc, { text: "Call", ownerId: "p1", due: "2026-01-10" });
    setActionStatus(doc, act, "done");
    const view = readMeetingDoc(doc);
    expect(view.plan.subGoals[0]).toMatchObject({
      text: "Hours up",
      due: "2026-03-01",
      measure: { label: "Hours a week", from: 15, target: 37, unit: "" },
      activities: [{ text: "Internship", who: "Kurt", schedule: "15 h/week" }],
    });
    expect(view.actions[0]).toMatchObject({ text: "Call", ownerId: "p1", status: "done" });
  });

  it("undoes only the local participant's own changes", () => {
    const { a, b, sync } = pair();
    const undo = new Y.UndoManager(sharedRoots(a), { captureTimeout: 0 });
    addAgendaItem(a, { title: "Mine" });
    sync();
    addAgendaItem(b, { title: "Theirs" });
    sync();
    undo.undo();
    sync();
    expect(readAgenda(b).map((x) => x.title)).toEqual(["Theirs"]);
    removeAgendaItem(b, readAgenda(b)[0]!.id);
    sync();
    expect(readAgenda(a)).toEqual([]);
  });
});
