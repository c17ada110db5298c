import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "./init-meeting-doc";
import { addAgendaItem, agendaNotesFragment, agendaTitleText, removeAgendaItem } from "./agenda";
import { goalText } from "./plan";
import { followUpText } from "./follow-up";
import { MEETING_DOC_SCHEMA, NOTE_MAX_DEPTH, PREP_DOC_SCHEMA } from "./doc-schema";
import { UpdateShapeChecker } from "./update-shape";
import { setConsent } from "./flow-consent";
import { keepFlaggedPassage } from "./guard-kept";
import { noteChange } from "./flow-log";
import { CONSENT_COMMENT_MAX, CONSENT_HISTORY_MAX } from "./flow-schema";
import { buildFullMeetingDoc, buildFullPrepDoc } from "../testing/full-docs";
import { actionWithNullText, deeplyNestedNote, goalAsNumber, howOftenAsArray } from "../testing/attack-updates";

function room(): { doc: Y.Doc; checker: UpdateShapeChecker; state: () => Uint8Array } {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { track: "employed" });
  addAgendaItem(doc, { title: "Welcome", minutes: 5 });
  return { doc, checker: new UpdateShapeChecker(doc, MEETING_DOC_SCHEMA), state: () => Y.encodeStateAsUpdate(doc) };
}

/** What a client editing a replica of `doc` sends. */
function edit(doc: Y.Doc, write: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(replica);
  write(replica);
  return Y.encodeStateAsUpdate(replica, sv);
}

/** A whole document checked as one update against an empty one: the same rules, every struct. */
function wholeDocument(doc: Y.Doc, schema = MEETING_DOC_SCHEMA) {
  return new UpdateShapeChecker(new Y.Doc(), schema).check(Y.encodeStateAsUpdate(doc));
}

function nestedLists(fragment: Y.XmlFragment, levels: number): void {
  let parent: Y.XmlFragment = fragment;
  for (let i = 0; i < levels; i++) {
    const el = new Y.XmlElement(i % 2 ? "listItem" : "bulletList");
    parent.insert(0, [el]);
    parent = el;
  }
}

describe("the schema covers the real documents", () => {
  it("accepts a meeting document written through every function of the model", () => {
    expect(wholeDocument(buildFullMeetingDoc())).toEqual({ ok: true });
  });

  it("accepts a preparation document written through every function of its model", () => {
    expect(wholeDocument(buildFullPrepDoc(), PREP_DOC_SCHEMA)).toEqual({ ok: true });
  });

  it("accepts a keystroke, a new agenda item and rich-text notes sent as updates", () => {
    const { doc, checker } = room();
    const id = (doc.getArray("agenda").get(0) as Y.Map<unknown>).get("id") as string;
    for (const u of [
      edit(doc, (r) => goalText(r).insert(0, "B")),
      edit(doc, (r) => addAgendaItem(r, { title: "Plan", minutes: 10 })),
      edit(doc, (r) => agendaTitleText(r, id).insert(7, "!")),
      edit(doc, (r) => nestedLists(agendaNotesFragment(r, id), NOTE_MAX_DEPTH)),
    ]) {
      expect(checker.check(u)).toEqual({ ok: true });
    }
  });
});

describe("attack 12.3: crafted updates are refused before they are applied", () => {
  it("refuses plan.goal set to a number", () => {
    const { checker, state } = room();
    expect(checker.check(goalAsNumber(state()))).toMatchObject({ ok: false, unresolved: false });
  });

  it("refuses an action whose text is null", () => {
    const { checker, state } = room();
    expect(checker.check(actionWithNullText(state()))).toMatchObject({ ok: false, reason: expect.stringContaining("text") });
  });

  it("refuses followUp.howOften set to an array", () => {
    const { checker, state } = room();
    expect(checker.check(howOftenAsArray(state()))).toMatchObject({ ok: false });
  });

  it("refuses 3,000 nested list items in one agenda note, and one level past the limit", () => {
    const { doc, checker, state } = room();
    const deep = deeplyNestedNote(state());
    expect(deep.byteLength).toBeGreaterThan(100_000);
    expect(checker.check(deep)).toMatchObject({ ok: false, reason: expect.stringContaining("nested") });
    const id = (doc.getArray("agenda").get(0) as Y.Map<unknown>).get("id") as string;
    expect(checker.check(edit(doc, (r) => nestedLists(agendaNotesFragment(r, id), NOTE_MAX_DEPTH + 1)))).toMatchObject({ ok: false });
  });

  it("refuses one level more inside notes that are already at the limit", () => {
    const { doc, checker } = room();
    const id = (doc.getArray("agenda").get(0) as Y.Map<unknown>).get("id") as string;
    Y.applyUpdate(
      doc,
      edit(doc, (r) => nestedLists(agendaNotesFragment(r, id), NOTE_MAX_DEPTH)),
    );
    const deeper = edit(doc, (r) => {
      let el: Y.XmlFragment = agendaNotesFragment(r, id);
      while (el.length > 0) el = el.get(0) as Y.XmlElement;
      el.insert(0, [new Y.XmlElement("paragraph")]);
    });
    expect(checker.check(deeper)).toMatchObject({ ok: false });
  });

  it("refuses unknown roots and keys, a map where a text belongs, and embeds in a plain text", () => {
    const { doc, checker } = room();
    expect(checker.check(edit(doc, (r) => r.getMap("secret").set("a", 1)))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("plan").set("diagnosis", "x")))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("followUp").set("jobCentre", new Y.Map())))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => followUpText(r, "howOften").insertEmbed(0, { image: "x" })))).toMatchObject({ ok: false });
    expect(checker.check(edit(doc, (r) => r.getMap("plan").set("step", 9)))).toMatchObject({ ok: false });
  });

  it("refuses a text past its ceiling, but not a replacement that deletes as much as it adds", () => {
    const { doc, checker } = room();
    const max = (MEETING_DOC_SCHEMA.roots.plan as { fields: Record<string, { max: number }> }).fields.goal!.max;
    Y.applyUpdate(
      doc,
      edit(doc, (r) => goalText(r).insert(0, "a".repeat(max))),
    );
    expect(checker.check(edit(doc, (r) => goalText(r).insert(0, "b")))).toMatchObject({ ok: false });
    const replace = edit(doc, (r) => {
      goalText(r).delete(0, max);
      goalText(r).insert(0, "c".repeat(max));
    });
    expect(checker.check(replace)).toEqual({ ok: true });
  });

  it("flags an update that depends on content the server does not have as unresolved", () => {
    const { doc, checker } = room();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    goalText(replica).insert(0, "offline ");
    const sv = Y.encodeStateVector(replica);
    goalText(replica).insert(8, "typed later");
    expect(checker.check(Y.encodeStateAsUpdate(replica, sv))).toEqual({ ok: false, reason: expect.any(String), unresolved: true });
  });

  it("accepts typing into an item someone else deleted meanwhile (Yjs discards it)", () => {
    const { doc, checker } = room();
    const id = addAgendaItem(doc, { title: "Gone soon" });
    const typing = edit(doc, (r) => agendaTitleText(r, id).insert(9, " — still typing"));
    removeAgendaItem(doc, id);
    expect(checker.check(typing)).toEqual({ ok: true });
  });
});

describe("the schema admits what the model writes at its limits", () => {
  it("a consent mark with its full history of long reservations fits (it is not refused as too large)", () => {
    const { doc, checker } = room();
    const update = edit(doc, (replica) => {
      const long = 'æ"'.repeat(CONSENT_COMMENT_MAX / 2);
      for (let i = 0; i <= CONSENT_HISTORY_MAX + 1; i++) {
        setConsent(
          replica,
          {
            kind: "goal",
            itemId: "plan",
            participantId: "11111111-1111-4111-8111-111111111111",
            value: i % 2 ? "agree" : "reservations",
            comment: `${i} ${long}`.slice(0, CONSENT_COMMENT_MAX),
            itemText: "Tilbage i fuld tid",
          },
          { by: "22222222-2222-4222-8222-222222222222", at: 1_700_000_000_000 + i },
        );
      }
    });
    expect(checker.check(update)).toEqual({ ok: true });
  });

  it("the diagnosis guard's 'leave it' and the catch-up log's change entries fit", () => {
    const { doc, checker } = room();
    const update = edit(doc, (replica) => {
      const actor = { by: "22222222-2222-4222-8222-222222222222", at: 1_700_000_000_000 };
      keepFlaggedPassage(replica, "Hun har haft en depression.", actor);
      noteChange(replica, { kind: "plan_changed", ...actor, ref: "goal", value: "x".repeat(200) });
    });
    expect(checker.check(update)).toEqual({ ok: true });
  });
});
