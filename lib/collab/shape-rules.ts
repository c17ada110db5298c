import * as Y from "yjs";
import type { FieldSpec, RichTextSpec, TypeSpec, ValueSpec } from "./schema-kit";

/**
 * What a place in a document may hold, one struct at a time: the rules behind the server's shape
 * check (update-shape.ts). A "place" is a shared type as the schema sees it — a map, a list, a
 * text, a rich-text fragment, or an element or text node inside one (which carry their depth).
 */
/** The content of one struct (Yjs does not export its base class's type). */
export type Content = Y.Item["content"];

export type Place =
  { kind: "type"; spec: TypeSpec } | { kind: "xmlElement"; rich: RichTextSpec; depth: number } | { kind: "xmlText"; rich: RichTextSpec };

/** Thrown by the rules; `unresolved`: the update depends on content the document does not have. */
export class ShapeRefusal extends Error {
  override name = "ShapeRefusal";
  constructor(
    reason: string,
    readonly unresolved = false,
  ) {
    super(reason);
  }
}

/** What admitting one struct does: the place of the shared type it creates, and how much it adds to its parent's length. */
export type Admitted = { child: Place | null; units: number };

const NONE: Admitted = { child: null, units: 0 };

/** The length limit of a place (characters of a text, elements of a list), or null. */
export function lengthLimit(place: Place): number | null {
  if (place.kind === "xmlText") return place.rich.maxTextLength;
  if (place.kind === "xmlElement") return null;
  const s = place.spec;
  return s.kind === "text" || s.kind === "array" ? s.max : null;
}

/** The spec of a map's key: a named field, else the first matching pattern; undefined when none. */
export function fieldOf(spec: Extract<TypeSpec, { kind: "map" }>, key: string): FieldSpec | undefined {
  if (Object.hasOwn(spec.fields, key)) return spec.fields[key];
  for (const [pattern, field] of spec.patterns) if (pattern.test(key)) return field;
  return undefined;
}

/**
 * Check `content` placed in `place` under map key `key` (null: as a list element or text), from
 * `offset` on (the part before it is in the document already). Throws ShapeRefusal.
 */
export function admit(place: Place, key: string | null, content: Content, offset: number): Admitted {
  if (content instanceof Y.ContentDeleted) return NONE;
  if (place.kind === "xmlText") {
    if (key !== null) throw new ShapeRefusal("an attribute on a rich-text text node");
    return admitInText(content, offset, place.rich);
  }
  if (place.kind === "xmlElement") return admitInXml(place.rich, place.depth, key, content);
  const spec = place.spec;
  switch (spec.kind) {
    case "map": {
      if (key === null) throw new ShapeRefusal("a list element in a map");
      const field = fieldOf(spec, key);
      if (!field) throw new ShapeRefusal(`unknown key "${key.slice(0, 60)}"`);
      return admitField(field, content, offset, true, key);
    }
    case "array":
      if (key !== null) throw new ShapeRefusal("a map key in a list");
      return admitField(spec.of, content, offset, false, "element");
    case "text":
      if (key !== null) throw new ShapeRefusal("an attribute on a text");
      if (!(content instanceof Y.ContentString)) throw new ShapeRefusal(`${content.constructor.name} in a plain text`);
      return { child: null, units: content.str.length - offset };
    case "richText":
      if (key !== null) throw new ShapeRefusal("an attribute on a rich-text fragment");
      return admitInXml(spec, 0, null, content);
  }
}

/** The place of an existing shared type under `place` at `key`, or a refusal when it does not fit. */
export function placeOfType(place: Place, key: string | null, type: Y.AbstractType<unknown>): Place {
  const { child } = admit(place, key, new Y.ContentType(type), 0);
  if (!child) throw new ShapeRefusal("not a shared type");
  return child;
}

function admitField(field: FieldSpec, content: Content, offset: number, single: boolean, what: string): Admitted {
  if (field.kind === "values") {
    if (!(content instanceof Y.ContentAny)) throw new ShapeRefusal(`${what}: ${content.constructor.name} where a plain value belongs`);
    if (single && content.arr.length !== 1) throw new ShapeRefusal(`${what}: ${content.arr.length} values for one key`);
    for (let i = offset; i < content.arr.length; i++) {
      if (!field.of.some((spec) => valueFits(spec, content.arr[i]))) throw new ShapeRefusal(`${what}: a value of the wrong type or size`);
    }
    return { child: null, units: content.arr.length - offset };
  }
  if (!(content instanceof Y.ContentType)) throw new ShapeRefusal(`${what}: ${content.constructor.name} where a ${field.kind} belongs`);
  if (!typeMatches(field, content.type))
    throw new ShapeRefusal(`${what}: a ${content.type.constructor.name} where a ${field.kind} belongs`);
  return { child: { kind: "type", spec: field }, units: 1 };
}

// Exact constructors: Y.XmlText extends Y.Text, Y.XmlElement extends Y.XmlFragment.
function typeMatches(spec: TypeSpec, type: Y.AbstractType<unknown>): boolean {
  switch (spec.kind) {
    case "map":
      return type.constructor === Y.Map;
    case "array":
      return type.constructor === Y.Array;
    case "text":
      return type.constructor === Y.Text;
    case "richText":
      return type.constructor === Y.XmlFragment;
  }
}

/** Children of a fragment (depth 0) or an element (its depth), or an element's attribute. */
function admitInXml(rich: RichTextSpec, depth: number, key: string | null, content: Content): Admitted {
  if (key !== null) {
    if (!rich.attributeName.test(key)) throw new ShapeRefusal("a rich-text attribute with an odd name");
    // y-prosemirror skips null attributes but may write an undefined one.
    const v: unknown = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : null;
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || (v !== undefined && !valueFits(rich.attributeValue, v))) {
      throw new ShapeRefusal("a rich-text attribute that is not a small plain value");
    }
    return NONE;
  }
  if (!(content instanceof Y.ContentType)) throw new ShapeRefusal(`${content.constructor.name} in rich text`);
  const t = content.type;
  if (t.constructor === Y.XmlText) return { child: { kind: "xmlText", rich }, units: 1 };
  if (t.constructor !== Y.XmlElement) throw new ShapeRefusal(`a ${t.constructor.name} in rich text`);
  if (!rich.nodeName.test((t as Y.XmlElement).nodeName)) throw new ShapeRefusal("a rich-text element with an odd name");
  if (depth + 1 > rich.maxDepth) throw new ShapeRefusal(`rich text nested deeper than ${rich.maxDepth} levels`);
  return { child: { kind: "xmlElement", rich, depth: depth + 1 }, units: 1 };
}

function admitInText(content: Content, offset: number, rich: RichTextSpec): Admitted {
  if (content instanceof Y.ContentString) return { child: null, units: content.str.length - offset };
  if (content instanceof Y.ContentFormat) {
    if (content.key.length > 200 || !valueFits(rich.attributeValue, content.value)) throw new ShapeRefusal("an oversized text mark");
    return NONE;
  }
  throw new ShapeRefusal(`${content.constructor.name} in a rich-text text node`);
}

export function valueFits(spec: ValueSpec, v: unknown): boolean {
  switch (spec.kind) {
    case "string":
      return (
        typeof v === "string" &&
        v.length <= spec.max &&
        (!spec.values || spec.values.includes(v)) &&
        (!spec.pattern || spec.pattern.test(v))
      );
    case "number":
      return typeof v === "number" && Number.isFinite(v) && v >= spec.min && v <= spec.max && (!spec.integer || Number.isInteger(v));
    case "boolean":
      return typeof v === "boolean";
    case "null":
      return v === null;
    case "json":
      return jsonFits(v, spec.maxChars, spec.maxDepth);
  }
}

/**
 * Plain JSON (null, booleans, finite numbers, strings, arrays, plain objects), at most `maxDepth`
 * deep and roughly `maxChars` long when written out. Iterative, so no value can exhaust the stack.
 */
export function jsonFits(root: unknown, maxChars: number, maxDepth: number): boolean {
  let budget = maxChars;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v === "boolean") budget -= 5;
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) return false;
      budget -= 8;
    } else if (typeof v === "string") budget -= v.length + 2;
    else if (typeof v === "object") {
      if (depth >= maxDepth) return false;
      if (Array.isArray(v)) {
        budget -= 2;
        for (const x of v) stack.push([x, depth + 1]);
      } else {
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return false;
        budget -= 2;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          budget -= k.length + 3;
          stack.push([x, depth + 1]);
        }
      }
    } else return false;
    if (budget < 0) return false;
  }
  return true;
}
