/**
 * The vocabulary of a document schema (doc-schema.ts): which Yjs type or plain value each root,
 * key and list element may hold, and how big it may get. It is data, not code, so the server's
 * shape check (update-shape.ts), the whole-document check used by tests (doc-shape.ts) and the
 * documentation all read the same thing.
 *
 * Every limit here is a hard ceiling for what the server stores, not what the UI offers: set it
 * well above the UI's own limit, since two people typing at once can together exceed a field's
 * `maxLength`, and a refused update closes its author's connection.
 */

/** A plain value stored in a map key or a list element (a Yjs `ContentAny`). */
export type ValueSpec =
  | { kind: "string"; max: number; values?: readonly string[]; pattern?: RegExp }
  | { kind: "number"; min: number; max: number; integer: boolean }
  | { kind: "boolean" }
  | { kind: "null" }
  /** Any JSON value (objects, arrays …) up to a size and a nesting depth; the readers check its shape. */
  | { kind: "json"; maxChars: number; maxDepth: number };

/** Rich text for Tiptap (a Y.XmlFragment of y-prosemirror elements and texts). */
export type RichTextSpec = {
  kind: "richText";
  /** Elements nested inside each other at most this deep (a list item in a list is 2 levels). */
  maxDepth: number;
  /** Characters in one text node. */
  maxTextLength: number;
  nodeName: RegExp;
  attributeName: RegExp;
  /** Attribute values and mark values: small JSON. */
  attributeValue: ValueSpec;
};

/** A Yjs shared type. */
export type TypeSpec =
  | { kind: "map"; fields: Readonly<Record<string, FieldSpec>>; patterns: readonly (readonly [RegExp, FieldSpec])[] }
  | { kind: "array"; of: FieldSpec; max: number }
  | { kind: "text"; max: number }
  | RichTextSpec;

/** What one map key or list element may hold: one shared type, or any of some plain values. */
export type FieldSpec = TypeSpec | { kind: "values"; of: readonly ValueSpec[] };

export type DocSchema = { name: string; roots: Readonly<Record<string, TypeSpec>> };

// ---- builders: one line per key in doc-schema.ts ----

export function map(fields: Record<string, FieldSpec>, opts: { patterns?: readonly (readonly [RegExp, FieldSpec])[] } = {}): TypeSpec {
  return { kind: "map", fields, patterns: opts.patterns ?? [] };
}

export function array(of: FieldSpec, opts: { max: number }): TypeSpec {
  return { kind: "array", of, max: opts.max };
}

/** A Y.Text of at most `max` characters (UTF-16 code units, as Yjs counts them). */
export function text(max: number): TypeSpec {
  return { kind: "text", max };
}

export function richText(opts: { maxDepth: number; maxTextLength?: number }): RichTextSpec {
  return {
    kind: "richText",
    maxDepth: opts.maxDepth,
    maxTextLength: opts.maxTextLength ?? 100_000,
    nodeName: /^[A-Za-z][A-Za-z0-9_]{0,39}$/,
    attributeName: /^[A-Za-z][A-Za-z0-9_-]{0,99}$/,
    // A link's address lives in a mark's value: room for long URLs.
    attributeValue: { kind: "json", maxChars: 10_000, maxDepth: 4 },
  };
}

function values(...of: ValueSpec[]): FieldSpec {
  return { kind: "values", of };
}

export function str(opts: { max: number; pattern?: RegExp }): FieldSpec {
  return values({ kind: "string", ...opts });
}

export function oneOf(list: readonly string[]): FieldSpec {
  return values({ kind: "string", max: Math.max(...list.map((v) => v.length)), values: list });
}

export function num(opts: { min?: number; max?: number; integer?: boolean } = {}): FieldSpec {
  return values({ kind: "number", min: opts.min ?? -1e15, max: opts.max ?? 1e15, integer: opts.integer ?? false });
}

export function bool(): FieldSpec {
  return values({ kind: "boolean" });
}

export function json(opts: { maxChars?: number; maxDepth?: number } = {}): FieldSpec {
  return values({ kind: "json", maxChars: opts.maxChars ?? 2_000, maxDepth: opts.maxDepth ?? 4 });
}

/** The same plain value, or null ("not set"). */
export function nullable(spec: FieldSpec): FieldSpec {
  if (spec.kind !== "values") throw new Error("only plain values can be null; a missing key stands for a missing shared type");
  return values(...spec.of, { kind: "null" });
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isoDate(): FieldSpec {
  return str({ max: 10, pattern: ISO_DATE });
}

export function localDateTime(): FieldSpec {
  return str({ max: 16, pattern: LOCAL_DATE_TIME });
}

/** An item id (a UUID from the client that added it, or an id kept from an agreement). */
export function id(): FieldSpec {
  return str({ max: 100 });
}
