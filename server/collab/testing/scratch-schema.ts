import { MEETING_DOC_SCHEMA, schemaForDoc } from "@/lib/collab/doc-schema";
import { array, json, map, text, type DocSchema, type FieldSpec } from "@/lib/collab/schema-kit";
import type { TypeSpec } from "@/lib/collab/schema-kit";

/**
 * Test and bench support (not a test): the production meeting schema plus the scratch places that
 * protocol tests and the bench write to — any key in `meta`, the roots `notes` and `t` (texts),
 * `log` (a map) and `bench` (a list) — so those can keep sending simple edits while every update
 * still goes through the shape check. Tests of the shape itself pass `schemaForDoc` (production).
 */
const BIG = 64 * 1024 * 1024;
const anything: FieldSpec = {
  kind: "values",
  of: [
    { kind: "string", max: BIG },
    { kind: "number", min: -Infinity, max: Infinity, integer: false },
    { kind: "boolean" },
    { kind: "null" },
    { kind: "json", maxChars: BIG, maxDepth: 16 },
  ],
};
const meta = MEETING_DOC_SCHEMA.roots.meta as Extract<TypeSpec, { kind: "map" }>;

export const SCRATCH_MEETING_SCHEMA: DocSchema = {
  name: "meeting+scratch",
  roots: {
    ...MEETING_DOC_SCHEMA.roots,
    meta: map(meta.fields, { patterns: [[/^/, anything]] }),
    notes: text(BIG),
    t: text(BIG),
    log: map({}, { patterns: [[/^/, anything]] }),
    bench: array(json({ maxChars: BIG, maxDepth: 16 }), { max: BIG }),
  },
};

export function scratchSchemaFor(room: string): DocSchema | null {
  const schema = schemaForDoc(room);
  return schema === MEETING_DOC_SCHEMA ? SCRATCH_MEETING_SCHEMA : schema;
}
