/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). The agreement's fingerprint is a hash of these
 * bytes, so the same value must always give the same bytes, on any machine, forever: keys sorted
 * by UTF-16 code units (§3.2.3), numbers as ECMAScript prints them (§3.2.2.3), no whitespace,
 * strings escaped as JSON.stringify does (§3.2.2.2).
 *
 * Anything JSON cannot carry faithfully is refused rather than silently dropped or coerced
 * (JSON.stringify turns NaN into null and omits undefined), because a document that changes
 * meaning on its way to bytes is worse than one that fails loudly.
 */

export type CanonicalJsonErrorReason =
  | "non-finite-number"
  | "undefined"
  | "function"
  | "symbol"
  | "bigint"
  | "non-plain-object"
  | "sparse-array"
  | "lone-surrogate"
  | "cycle"
  | "invalid-utf8"
  | "invalid-json"
  | "not-canonical";

export class CanonicalJsonError extends Error {
  constructor(
    readonly reason: CanonicalJsonErrorReason,
    /** Where in the value, as a JSON Pointer ("" is the root). */
    readonly path: string,
    message: string,
  ) {
    super(path ? `${message} at ${path}` : message);
    this.name = "CanonicalJsonError";
  }
}

/** The canonical JSON text. Prefer `canonicalBytes` when hashing: the bytes are what is signed. */
export function canonicalize(value: unknown): string {
  return serialize(value, "", new Set());
}

/** The canonical JSON as UTF-8 bytes: what is stored, hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

/**
 * Parses bytes that claim to be canonical JSON and proves it: they must be valid UTF-8, valid JSON
 * and re-canonicalise to exactly themselves. Catches whitespace, reordered or duplicate keys, "1.0"
 * for "1", needless escapes, a BOM — any second spelling of the same document.
 */
export function parseCanonical(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CanonicalJsonError("invalid-utf8", "", "Not valid UTF-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CanonicalJsonError("invalid-json", "", "Not valid JSON");
  }
  if (!equalBytes(canonicalBytes(value), bytes)) {
    throw new CanonicalJsonError("not-canonical", "", "JSON is not in RFC 8785 canonical form");
  }
  return value;
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case "string":
      return serializeString(value, path);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError("non-finite-number", path, `${value} has no JSON form`);
      // ECMAScript Number::toString is exactly the serialisation RFC 8785 §3.2.2.3 requires,
      // including -0 → "0". JSON.stringify(number) uses it.
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      throw new CanonicalJsonError("undefined", path, "undefined has no JSON form");
    case "function":
      throw new CanonicalJsonError("function", path, "A function has no JSON form");
    case "symbol":
      throw new CanonicalJsonError("symbol", path, "A symbol has no JSON form");
    case "bigint":
      // I-JSON numbers are IEEE 754 doubles; a BigInt would lose precision or need a string.
      throw new CanonicalJsonError("bigint", path, "A BigInt has no I-JSON form; use a string");
    case "object":
      break;
  }
  if (value === null) return "null";
  const obj = value as object;
  if (ancestors.has(obj)) throw new CanonicalJsonError("cycle", path, "Cyclic structure");
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) return serializeArray(obj, path, ancestors);
    const proto: unknown = Object.getPrototypeOf(obj);
    // Dates, Maps, class instances and the like would serialise through toJSON or lose data;
    // the caller must turn them into plain JSON values first, explicitly.
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError("non-plain-object", path, `${describe(obj)} is not a plain object`);
    }
    if (Object.getOwnPropertySymbols(obj).length > 0) {
      throw new CanonicalJsonError("symbol", path, "Symbol keys have no JSON form");
    }
    const record = obj as Record<string, unknown>;
    // Array.prototype.sort without a comparator compares UTF-16 code units: exactly §3.2.3.
    const keys = Object.keys(record).sort();
    const members = keys.map((key) => {
      const childPath = `${path}/${pointerEscape(key)}`;
      return `${serializeString(key, childPath)}:${serialize(record[key], childPath, ancestors)}`;
    });
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(obj);
  }
}

function serializeArray(arr: readonly unknown[], path: string, ancestors: Set<object>): string {
  const items: string[] = [];
  for (let i = 0; i < arr.length; i++) {
    // A hole would become null in JSON.stringify; refuse it like undefined.
    if (!(i in arr)) throw new CanonicalJsonError("sparse-array", `${path}/${i}`, "Array has a hole");
    items.push(serialize(arr[i], `${path}/${i}`, ancestors));
  }
  return `[${items.join(",")}]`;
}

function serializeString(s: string, path: string): string {
  // I-JSON (RFC 7493 §2.1) forbids lone surrogates; they cannot be encoded as UTF-8 and would be
  // replaced by U+FFFD, so two different strings would share one fingerprint.
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError("lone-surrogate", path, "String contains a lone surrogate");
  // JSON.stringify escapes exactly as §3.2.2.2 asks: \b \t \n \f \r \" \\, other controls as
  // \u00xx in lowercase hex, everything else (including "/" and non-ASCII) literally.
  return JSON.stringify(s);
}

/** With the `u` flag a surrogate pair is one code point, so only unpaired halves match. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function pointerEscape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(obj: object): string {
  const name = (obj as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name ? `A ${name}` : "The value";
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
