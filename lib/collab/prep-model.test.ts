import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingDocName, parseDocName, prepDocName } from "./doc-names";
import { initPrepDoc, isPrepInitialised } from "./prep-init";
import { prepNoteText } from "./prep-notes";
import { readPrepDoc } from "./prep-read";
import { PREP_NOTE_GROUPS, prepRoots } from "./prep-schema";
import { addSharingItem, moveSharingItem, removeSharingItem, setMayShare, setWhoSays, sharingItemText } from "./prep-sharing";

const CASE = "0b7f3a52-5a0e-4d43-9a57-0c6a1c7e2f11";
const MEETING = "6f0c2b9e-1d2a-4b7c-8e3f-9a0b1c2d3e4f";

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  initPrepDoc(doc);
  return doc;
}

/** Two replicas that exchange every update, like two browsers through the server. */
function pair(): [Y.Doc, Y.Doc] {
  const a = fresh();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, u, "remote"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, u, "remote"));
  return [a, b];
}

describe("document names", () => {
  it("name and parse both kinds, and nothing else", () => {
    expect(parseDocName(prepDocName(CASE))).toEqual({ kind: "prep", caseId: CASE });
    expect(parseDocName(meetingDocName(MEETING))).toEqual({ kind: "meeting", meetingId: MEETING });
    for (const bad of [`prep-${CASE}x`, "prep-", `prep-${CASE.toUpperCase()}`, `prep-${CASE}/x`, `preps-${CASE}`, `meeting-${CASE} `]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});

describe("initPrepDoc", () => {
  it("creates the three note groups and an empty sharing list, once", () => {
    const doc = new Y.Doc();
    expect(isPrepInitialised(doc)).toBe(false);
    initPrepDoc(doc);
    const company = prepNoteText(doc, "company");
    initPrepDoc(doc);
    expect(prepNoteText(doc, "company")).toBe(company);
    expect(readPrepDoc(doc)).toEqual({ schemaVersion: 1, notes: { company: "", employee: "", health: "" }, sharing: [] });
    expect(prepRoots(doc)).toHaveLength(3);
  });

  it("holds none of the meeting document's roots", () => {
    const doc = fresh();
    addSharingItem(doc, { text: "x" });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect([...copy.share.keys()].sort()).toEqual(["meta", "notes", "sharing"]);
  });
});

describe("preparation notes", () => {
  it("merge two people typing in the same group at once", () => {
    const [a, b] = pair();
    prepNoteText(a, "health").insert(0, "Back pain since March.");
    prepNoteText(b, "health").insert(0, "Physiotherapy weekly. ");
    expect(readPrepDoc(a).notes.health).toBe(readPrepDoc(b).notes.health);
    expect(readPrepDoc(a).notes.health).toContain("Back pain since March.");
    expect(readPrepDoc(a).notes.health).toContain("Physiotherapy weekly.");
  });

  it("refuses an unknown group and a document without the containers", () => {
    expect(() => prepNoteText(fresh(), "diagnosis" as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => prepNoteText(new Y.Doc(), "health")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(PREP_NOTE_GROUPS).toEqual(["company", "employee", "health"]);
  });
});

describe("what may be shared", () => {
  it("adds items undecided, in order, and reads them back", () => {
    const doc = fresh();
    const first = addSharingItem(doc, { text: "That I have a back injury" });
    addSharingItem(doc, { text: "The diagnosis itself", mayShare: "no", whoSays: "caseworker" });
    const view = readPrepDoc(doc).sharing;
    expect(view.map((i) => i.text)).toEqual(["That I have a back injury", "The diagnosis itself"]);
    expect(view[0]).toEqual({ id: first, text: "That I have a back injury", mayShare: "undecided", whoSays: null });
    expect(view[1]).toMatchObject({ mayShare: "no", whoSays: "caseworker" });
  });

  it("sets may-share and who-says, including a free-text name", () => {
    const doc = fresh();
    const id = addSharingItem(doc, { text: "Cannot lift more than 10 kg" });
    setMayShare(doc, id, "yes");
    setWhoSays(doc, id, "both");
    expect(readPrepDoc(doc).sharing[0]).toMatchObject({ mayShare: "yes", whoSays: "both" });
    setWhoSays(doc, id, { other: "My union representative" });
    expect(readPrepDoc(doc).sharing[0]!.whoSays).toEqual({ other: "My union representative" });
    setWhoSays(doc, id, { other: "" });
    expect(readPrepDoc(doc).sharing[0]!.whoSays).toEqual({ other: "" });
    setWhoSays(doc, id, null);
    expect(readPrepDoc(doc).sharing[0]!.whoSays).toBeNull();
  });

  it("refuses unknown values without changing the item", () => {
    const doc = fresh();
    const id = addSharingItem(doc, { text: "x" });
    expect(() => setMayShare(doc, id, "maybe" as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => setWhoSays(doc, id, 42 as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => setWhoSays(doc, id, { other: "x".repeat(201) })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => addSharingItem(doc, { text: "y", mayShare: "perhaps" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(readPrepDoc(doc).sharing).toEqual([{ id, text: "x", mayShare: "undecided", whoSays: null }]);
    expect(() => setMayShare(doc, "nope", "yes")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("moves and removes items, keeping concurrent edits to a moved item", () => {
    const [a, b] = pair();
    const x = addSharingItem(a, { text: "first" });
    const y = addSharingItem(a, { text: "second" });
    moveSharingItem(a, y, 0);
    sharingItemText(b, y).insert(6, " (edited)");
    expect(readPrepDoc(a).sharing.map((i) => i.text)).toEqual(["second (edited)", "first"]);
    removeSharingItem(b, x);
    expect(readPrepDoc(a).sharing.map((i) => i.id)).toEqual([y]);
  });

  it("reads an item an outside tool pushed without the optional keys", () => {
    const doc = fresh();
    const m = new Y.Map<unknown>();
    m.set("id", "ext");
    m.set("text", new Y.Text("from a script"));
    doc.getArray<Y.Map<unknown>>("sharing").push([m]);
    expect(readPrepDoc(doc).sharing).toEqual([{ id: "ext", text: "from a script", mayShare: "undecided", whoSays: null }]);
  });
});
