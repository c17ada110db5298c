import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAgendaItem, agendaTitleText, setAgendaItemDone, setAgendaItemMinutes } from "./agenda";
import { actionText, addAction, moveAction, setActionOwner } from "./actions";
import { activityText, addActivity, addSubGoal, setSubGoalDue, subGoalText } from "./sub-goals";
import { goalText, setMixer, setStep, setTool } from "./plan";
import { followUpText, setNextMeetingAt } from "./follow-up";
import { localChangeRefs, type ChangeRef } from "./change-refs";
import { CHANGE_LOG_GAP_MS, logChange, noteChange, readFlowLog } from "./flow-log";
import { catchUpSince, marksToRenew } from "./flow-catch-up";
import { setConsent } from "./flow-consent";
import { closingCheck } from "./flow-closing";
import { readFlow } from "./flow-read";
import { readMeetingDoc } from "./read-meeting-doc";

const CW = "11111111-1111-4111-8111-111111111111";
const EMP = "22222222-2222-4222-8222-222222222222";

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  return doc;
}

/** What one local edit changed, as the change log names it. */
function refsOf(doc: Y.Doc, edit: () => void): ChangeRef[] {
  let refs: ChangeRef[] = [];
  const on = (tr: Y.Transaction) => {
    refs = [...refs, ...localChangeRefs(doc, tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>)];
  };
  doc.on("afterTransaction", on);
  edit();
  doc.off("afterTransaction", on);
  return refs;
}

describe('what a local edit changed (for "while you were away")', () => {
  it("names the goal, a sub-goal, an activity, an action, an agenda item and a follow-up text", () => {
    const doc = newDoc();
    const item = addAgendaItem(doc, { title: "Status", minutes: 5 });
    const action = addAction(doc, { text: "Ringe til lægen" });
    const goal = addSubGoal(doc, { text: "15 timer" });
    const activity = addActivity(doc, goal, { text: "Praktik" });
    expect(refsOf(doc, () => goalText(doc).insert(0, "Tilbage "))).toEqual([{ kind: "plan_changed", ref: "goal" }]);
    expect(refsOf(doc, () => setMixer(doc, "hours", 3))).toEqual([{ kind: "plan_changed", ref: "mixer" }]);
    expect(refsOf(doc, () => setTool(doc, "mentor", true))).toEqual([{ kind: "plan_changed", ref: "tools" }]);
    expect(refsOf(doc, () => subGoalText(doc, goal, "text").insert(0, "Op til "))).toEqual([{ kind: "subgoal_changed", ref: goal }]);
    expect(refsOf(doc, () => setSubGoalDue(doc, goal, "2027-01-01"))).toEqual([{ kind: "subgoal_changed", ref: goal }]);
    expect(refsOf(doc, () => activityText(doc, goal, activity, "schedule").insert(0, "15 t/uge"))).toEqual([
      { kind: "activity_changed", ref: activity },
    ]);
    expect(refsOf(doc, () => actionText(doc, action).insert(0, "Mette: "))).toEqual([{ kind: "action_changed", ref: action }]);
    expect(refsOf(doc, () => setActionOwner(doc, action, CW))).toEqual([{ kind: "action_changed", ref: action }]);
    expect(refsOf(doc, () => agendaTitleText(doc, item).insert(6, " og mål"))).toEqual([{ kind: "agenda_changed", ref: item }]);
    expect(refsOf(doc, () => setAgendaItemMinutes(doc, item, 10))).toEqual([{ kind: "agenda_changed", ref: item }]);
    expect(refsOf(doc, () => followUpText(doc, "howOften").insert(0, "Hver fredag"))).toEqual([
      { kind: "followup_changed", ref: "howOften" },
    ]);
  });

  it("leaves out what is logged on its own or is no change of content: adding, moving, ticking off, the step, the next meeting", () => {
    const doc = newDoc();
    const item = addAgendaItem(doc, { title: "Status", minutes: 5 });
    addAction(doc, { text: "a" });
    const b = addAction(doc, { text: "b" });
    expect(refsOf(doc, () => addAction(doc, { text: "c" }))).toEqual([]);
    expect(refsOf(doc, () => moveAction(doc, b, 0))).toEqual([]);
    expect(refsOf(doc, () => setAgendaItemDone(doc, item, true))).toEqual([]);
    expect(refsOf(doc, () => setStep(doc, 3))).toEqual([]);
    expect(refsOf(doc, () => setNextMeetingAt(doc, "2027-01-05T10:00"))).toEqual([]);
  });
});

describe("noting edits in the change log", () => {
  it("keeps one entry per person and thing, refreshed at most every gap", () => {
    const doc = newDoc();
    expect(noteChange(doc, { kind: "plan_changed", by: CW, at: 1_000, ref: "goal" })).toBe(true);
    expect(noteChange(doc, { kind: "plan_changed", by: CW, at: 1_000 + CHANGE_LOG_GAP_MS - 1, ref: "goal" })).toBe(false);
    expect(noteChange(doc, { kind: "plan_changed", by: EMP, at: 2_000, ref: "goal" })).toBe(true);
    expect(noteChange(doc, { kind: "plan_changed", by: CW, at: 1_000 + CHANGE_LOG_GAP_MS, ref: "goal" })).toBe(true);
    expect(readFlowLog(doc).map((e) => [e.by, e.at])).toEqual([
      [EMP, 2_000],
      [CW, 1_000 + CHANGE_LOG_GAP_MS],
    ]);
    expect(() => noteChange(doc, { kind: "covered", by: CW, at: 1, ref: "x" })).toThrow();
  });
});

describe("catchUpSince with edits, removals and marks to renew", () => {
  it("tells what others changed and removed while I was away — not what I did, not before I left", () => {
    const doc = newDoc();
    logChange(doc, { kind: "phase", by: CW, at: 1_000, value: "opening" });
    noteChange(doc, { kind: "plan_changed", by: CW, at: 5_000, ref: "goal" }); // before I left (long before)
    noteChange(doc, { kind: "action_changed", by: CW, at: 30_000, ref: "a1" });
    noteChange(doc, { kind: "action_changed", by: EMP, at: 31_000, ref: "a2" }); // mine
    logChange(doc, { kind: "action_added", by: CW, at: 32_000, ref: "a3" });
    noteChange(doc, { kind: "action_changed", by: CW, at: 33_000, ref: "a3" }); // told as added
    logChange(doc, { kind: "action_removed", by: CW, at: 34_000, ref: "a4" });
    const c = catchUpSince(readFlow(doc).log, 25_000, EMP);
    expect(c.changed.map((e) => e.ref)).toEqual(["a1"]);
    expect(c.removed.map((e) => e.ref)).toEqual(["a4"]);
    expect(c.added.map((e) => e.ref)).toEqual(["a3"]);
    expect(c.empty).toBe(false);
    // An edit entry made just before I left may stand for an edit just after: read with the gap's margin.
    expect(catchUpSince(readFlow(doc).log, 30_000 + CHANGE_LOG_GAP_MS - 1, EMP).changed.map((e) => e.ref)).toEqual(["a1", "a3"]);
    expect(catchUpSince(readFlow(doc).log, 33_000 + CHANGE_LOG_GAP_MS, EMP).empty).toBe(true);
  });

  it("names the items I had marked whose text changed since: they need a new mark", () => {
    const doc = newDoc();
    const a = addAction(doc, { text: "Aftale arbejdstider" });
    const b = addAction(doc, { text: "Ringe til lægen" });
    for (const id of [a, b])
      setConsent(
        doc,
        {
          kind: "action",
          itemId: id,
          participantId: EMP,
          value: "agree",
          itemText: readMeetingDoc(doc).actions.find((x) => x.id === id)!.text,
        },
        { by: EMP, at: 2_000 },
      );
    actionText(doc, a).insert(0, "Lars: ");
    const view = readMeetingDoc(doc);
    const check = closingCheck({
      actions: view.actions,
      subGoals: view.plan.subGoals,
      nextMeetingAt: null,
      flow: readFlow(doc),
      participants: [{ id: EMP, role: "employee" }],
    });
    expect(marksToRenew(check, EMP).map((i) => i.id)).toEqual([a]);
  });
});
