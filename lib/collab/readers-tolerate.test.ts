import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAgendaItem } from "./agenda";
import { readMeetingDoc } from "./read-meeting-doc";
import { readReview } from "./review";
import { readFlow } from "./flow-read";
import { initPrepDoc } from "./prep-init";
import { readPrepDoc } from "./prep-read";
import { fragmentText, nestedDeeperThan } from "./xml-walk";
import { actionWithNullText, deeplyNestedNote, goalAsNumber, howOftenAsArray } from "../testing/attack-updates";

/** Fill `root` (already in a document) with a chain of `levels` elements, each inside the previous one. */
function nest<T extends Y.XmlFragment>(root: T, levels: number): T {
  let parent: Y.XmlFragment = root;
  for (let i = 0; i < levels; i++) {
    const el = new Y.XmlElement("bulletList");
    parent.insert(0, [el]);
    parent = el;
  }
  parent.insert(0, [new Y.XmlText("deep")]);
  return root;
}

function deepFragment(levels: number): Y.XmlFragment {
  return nest(new Y.Doc().getXmlFragment("x"), levels);
}

/** Put a shared type under `key` of `map`, then nest `levels` deep inside it (integrated first: no deep prelim). */
function deepAt(map: Y.Map<unknown>, key: string, levels: number): void {
  map.set(key, new Y.XmlFragment());
  nest(map.get(key) as Y.XmlFragment, levels);
}

describe("attack 12.3: the readers take whatever a document stored before the shape check holds", () => {
  it("reads plan.goal as a number, an action's null text and howOften as an array as empty, and 3,000-deep notes without recursing", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    addAgendaItem(doc, { title: "Velkomst" });
    for (const craft of [goalAsNumber, actionWithNullText, howOftenAsArray, deeplyNestedNote]) {
      Y.applyUpdate(doc, craft(Y.encodeStateAsUpdate(doc)));
    }
    const view = readMeetingDoc(doc);
    expect(view.plan.goal).toBe("");
    expect(view.actions).toEqual([expect.objectContaining({ id: "attack-action", text: "" })]);
    expect(view.followUp.howOften).toBe("");
    expect(view.agenda[0]!.title).toBe("Velkomst");
    expect(typeof view.agenda[0]!.notesText).toBe("string");
  });

  it("reads ids, titles and roots of the wrong type as missing, shared types included", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    const item = new Y.Map<unknown>();
    doc.getArray("agenda").push([item]);
    deepAt(item, "id", 3_000);
    item.set("title", new Y.XmlText("not a plain text"));
    item.set("notes", new Y.XmlElement("paragraph"));
    doc.getMap("review").set("items", new Y.Array());
    deepAt(doc.getMap("review"), "agreementId", 3_000);
    doc.getMap("flow").set("phase", new Y.Map());
    doc.getArray("flowLog").push([new Y.XmlFragment()]);
    const view = readMeetingDoc(doc);
    expect(view.agenda).toEqual([{ id: "", title: "", minutes: null, done: false, hasNotes: false, notesText: "" }]);
    expect(readReview(doc)?.basis.agreementId).toBe("");
    expect(readFlow(doc).phase).toBe("preparing");
    const prep = new Y.Doc();
    initPrepDoc(prep);
    prep.getMap("notes").set("health", 7);
    prep.getArray("sharing").push([new Y.Map()]);
    expect(readPrepDoc(prep).notes.health).toBe("");
    expect(readPrepDoc(prep).sharing).toEqual([{ id: "", text: "", mayShare: "undecided", whoSays: null }]);
  });

  it("walks rich text with a bound: text to a depth, and nesting found deeper than a limit", () => {
    const deep = deepFragment(3_000);
    expect(fragmentText(deep)).toBe("");
    expect(fragmentText(deepFragment(3))).toBe("deep");
    expect(nestedDeeperThan(deep, 32)).toBe(true);
    expect(nestedDeeperThan(deepFragment(32), 32)).toBe(false);
    expect(nestedDeeperThan(deepFragment(33), 32)).toBe(true);
  });
});

describe("issue 17: the country's roots read whatever they hold", () => {
  it("reads work tasks, measures, facts, tool details and the ramp of the wrong type as missing", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    const task = new Y.Map<unknown>();
    doc.getArray("workTasks").push([task, 7 as unknown as Y.Map<unknown>]);
    task.set("text", 42);
    task.set("judgement", "maybe");
    task.set("moreTime", "yes");
    deepAt(task, "adaptationNote", 3_000);
    const measure = new Y.Map<unknown>();
    doc.getArray("navMeasures").push([measure]);
    measure.set("status", new Y.Map());
    measure.set("from", 20270101);
    doc.getMap("navPlan").set("employeeContributed", "yes");
    doc.getMap("navPlan").set("notContributedReason", new Y.Text("x"));
    doc.getMap("toolDetails").set("mentor", { status: "forever", hoursPerWeek: "many" });
    doc.getMap("toolDetails").set("internship", new Y.Map());
    doc.getMap("hoursRamp").set("ramp", { startsOn: 5, steps: "10,15" });
    const plan = readMeetingDoc(doc).plan;
    expect(plan.followUpPlan.workTasks).toEqual([
      { id: "", text: "", judgement: null, adaptations: [], adaptationNote: "", judgedBy: null },
    ]);
    expect(plan.followUpPlan.measures).toEqual([{ id: "", text: "", status: "proposed", from: null, to: null, how: "" }]);
    expect(plan.followUpPlan.facts).toMatchObject({ employeeContributed: null, notContributedReason: "" });
    expect(plan.toolDetails).toEqual({});
    expect(plan.hoursRamp).toEqual({ startsOn: null, steps: [], ordinaryHours: null });
  });
});
