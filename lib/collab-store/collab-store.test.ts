import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase } from "../testing/fixtures";
import { loadDocument } from "./load-document";
import { appendDocumentUpdates } from "./append-updates";
import { compactDocument } from "./compact-document";
import { meetingDocName } from "../collab/doc-names";
import { addAgendaItem, readAgenda, removeAgendaItem } from "../collab/agenda";
import { readPlan } from "../collab/plan";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

function updateOf(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  let out: Uint8Array | null = null;
  const h = (u: Uint8Array) => (out = u);
  doc.on("update", h);
  fn(doc);
  doc.off("update", h);
  if (!out) throw new Error("no update");
  return out;
}

describe("collab store", () => {
  it("loads a new meeting's initialised document", async () => {
    const f = await createFixtureCase({ track: "unemployed" });
    const loaded = await loadDocument(meetingDocName(f.meetingId));
    expect(loaded).not.toBeNull();
    expect(readPlan(loaded!.doc).track).toBe("unemployed");
  });

  it("answers null for a document that does not exist", async () => {
    expect(await loadDocument(meetingDocName("00000000-0000-4000-8000-000000000000"))).toBeNull();
  });

  it("replays appended updates and keeps them through compaction", async () => {
    const f = await createFixtureCase();
    const name = meetingDocName(f.meetingId);
    const { doc } = (await loadDocument(name))!;
    const u1 = updateOf(doc, (d) => addAgendaItem(d, { title: "Welcome", minutes: 5 }));
    let secretId = "";
    const u2 = updateOf(doc, (d) => (secretId = addAgendaItem(d, { title: "a phrase to forget" })));
    const u3 = updateOf(doc, (d) => removeAgendaItem(d, secretId));
    await appendDocumentUpdates([u1, u2, u3].map((data) => ({ docName: name, data })));

    const again = (await loadDocument(name))!;
    expect(readAgenda(again.doc).map((a) => a.title)).toEqual(["Welcome"]);
    expect(again.storedUpdates).toBe(3);

    expect((await compactDocument(name)).folded).toBe(3);
    const compacted = (await loadDocument(name))!;
    expect(compacted.storedUpdates).toBe(0);
    expect(readAgenda(compacted.doc).map((a) => a.title)).toEqual(["Welcome"]);
    // Garbage collection drops the deleted item's content from the stored bytes.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(compacted.doc)).toString("latin1");
    expect(bytes).not.toContain("a phrase to forget");
  });
});
