import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MEETING_DOC_SCHEMA, PREP_DOC_SCHEMA } from "./doc-schema";
import { fieldOf } from "./shape-rules";
import type { DocSchema, FieldSpec, TypeSpec } from "./schema-kit";

/** docs/collab-schema.md, split at the preparation document's heading. */
const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/collab-schema.md"), "utf8");
const split = doc.indexOf("# The private preparation document");
const sections: [DocSchema, string][] = [
  [MEETING_DOC_SCHEMA, doc.slice(0, split)],
  [PREP_DOC_SCHEMA, doc.slice(split)],
];

type MapSpec = Extract<TypeSpec, { kind: "map" }>;

/** Every map of a schema, breadth first (schemas are small trees; no recursion needed). */
function mapsOf(schema: DocSchema): MapSpec[] {
  const out: MapSpec[] = [];
  const queue: FieldSpec[] = Object.values(schema.roots);
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (f.kind === "map") {
      out.push(f);
      queue.push(...Object.values(f.fields), ...f.patterns.map(([, spec]) => spec));
    } else if (f.kind === "array") queue.push(f.of);
  }
  return out;
}

/** Keys in the first column of the section's tables: | `key` | … (placeholders like <itemId> made concrete). */
function tableKeys(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!.replace(/<[^>]+>/g, "x1"));
}

describe("docs/collab-schema.md and lib/collab/doc-schema.ts describe the same documents", () => {
  for (const [schema, text] of sections) {
    it(`mentions every root and key of the ${schema.name} schema`, () => {
      const missing: string[] = [];
      const mentioned = (k: string) => new RegExp("`" + k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[`:]").test(text);
      for (const root of Object.keys(schema.roots)) if (!mentioned(root)) missing.push(root);
      for (const m of mapsOf(schema)) for (const key of Object.keys(m.fields)) if (!mentioned(key)) missing.push(key);
      expect(missing).toEqual([]);
    });

    it(`has every key its ${schema.name} tables list in the schema`, () => {
      const maps = mapsOf(schema);
      const unknown = tableKeys(text).filter((k) => !Object.hasOwn(schema.roots, k) && !maps.some((m) => fieldOf(m, k) !== undefined));
      expect(unknown).toEqual([]);
    });
  }
});
