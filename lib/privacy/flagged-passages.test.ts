import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { keepFlaggedPassage, keptByDecider, readKeptPassages } from "../collab/guard-kept";
import { flaggedPassages, maskFlagged, passageKey } from "./flagged-passages";

const screen = (text: string, kept: (key: string) => boolean = () => false) =>
  maskFlagged(text, kept)
    .map((s) => (s.kind === "text" ? s.text : "[HIDDEN]"))
    .join("");

describe("what the shared screen may show of a shared text", () => {
  it("masks the sentence that names a diagnosis, and only that sentence", () => {
    const summary = "Korte dage først. Bodil har haft en depression i foråret. Hun glæder sig til at komme tilbage.";
    expect(screen(summary)).toBe("Korte dage først. [HIDDEN] Hun glæder sig til at komme tilbage.");
    expect(screen("Tilbage på fuld tid inden for 6 måneder.")).toBe("Tilbage på fuld tid inden for 6 måneder.");
    expect(screen("She takes sertraline.\nShe was diagnosed in May. Back to work in June.")).toBe(
      "[HIDDEN]\n[HIDDEN] Back to work in June.",
    );
  });

  it("shows a passage once the employee or the caseworker chose to leave it, by its key (not its text)", () => {
    const text = "Korte dage først. Bodil har haft en depression i foråret.";
    const [p] = flaggedPassages(text);
    expect(p!.excerpt).toBe("Bodil har haft en depression i foråret.");
    expect(screen(text, (k) => k === p!.key)).toBe(text);
    // The same sentence with other spacing or case is the same passage; another sentence is not.
    expect(passageKey("bodil  har haft en DEPRESSION i foråret.")).toBe(p!.key);
    expect(passageKey("Bodil har haft en depression i sommer.")).not.toBe(p!.key);
  });

  it("stores a kept passage by key and who kept it; only the employee's or the caseworker's mark counts", () => {
    const doc = new Y.Doc();
    const excerpt = "Bodil har haft en depression i foråret.";
    const key = keepFlaggedPassage(doc, excerpt, { by: "manager-1", at: 1000 });
    const marks = readKeptPassages(doc);
    expect(marks).toEqual({ [key]: { by: "manager-1", at: 1000 } });
    expect(JSON.stringify(doc.toJSON())).not.toContain("depression");
    const deciders = new Set(["employee-1", "caseworker-1"]);
    expect(keptByDecider(marks, key, (id) => deciders.has(id))).toBe(false);
    keepFlaggedPassage(doc, excerpt, { by: "employee-1", at: 2000 });
    expect(keptByDecider(readKeptPassages(doc), key, (id) => deciders.has(id))).toBe(true);
    expect(() => keepFlaggedPassage(doc, excerpt, { by: "", at: 1 })).toThrow();
  });
});
