/**
 * Small checks for the few JSON values every participant's browser reads from the shared document
 * (an activity's catalogue facts, a tool's details, the hours ramp). They are not zod because the
 * bundler puts zod's whole core into the room's first scripts for them (docs/decisions.md, issue
 * 19); every edge of the server still checks with zod.
 *
 * They behave as the zod schemas they replace did: each failing field is named by its path joined
 * with "." ("steps.0.weeks"), "value" when the whole value is wrong, and every field is checked,
 * not only up to the first that fails.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, "invalid"> };

/**
 * One failing field. `stop`: the value is not even of the right kind (a number where a string
 * belongs, a missing field); zod then leaves out the checks of the object that holds it (a refine),
 * while a value of the right kind that breaks a limit lets them run.
 */
type Issue = { path: string; stop: boolean };

/** Checks `v` at `path`, adds what fails to `issues`, and returns the value to keep (a trimmed string). */
export type Rule<T> = (v: unknown, path: string, issues: Issue[]) => T;

export function check<T>(rule: Rule<T>, v: unknown): Checked<T> {
  const issues: Issue[] = [];
  const value = rule(v, "", issues);
  if (issues.length === 0) return { ok: true, value };
  return { ok: false, fields: Object.fromEntries(issues.map((i) => [i.path || "value", "invalid" as const])) };
}

function at(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/** A string's length as zod measures it: in code points (an emoji is one, not two UTF-16 units). */
function codePoints(s: string): number {
  return s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

export function str(opts: { max?: number; min?: number; trim?: boolean; pattern?: RegExp }): Rule<string> {
  return (v, path, issues) => {
    if (typeof v !== "string") {
      issues.push({ path, stop: true });
      return v as string;
    }
    const s = opts.trim ? v.trim() : v;
    const length = codePoints(s);
    const fits = length >= (opts.min ?? 0) && length <= (opts.max ?? Infinity) && (!opts.pattern || opts.pattern.test(s));
    if (!fits) issues.push({ path, stop: false });
    return s;
  };
}

/** A finite number (NaN and ±Infinity are not numbers here, as in zod). */
export function num(opts: { min: number; max: number; int?: boolean }): Rule<number> {
  return (v, path, issues) => {
    if (typeof v !== "number" || !Number.isFinite(v)) issues.push({ path, stop: true });
    else if (opts.int && !Number.isInteger(v)) issues.push({ path, stop: true });
    else if (v < opts.min || v > opts.max) issues.push({ path, stop: false });
    return v as number;
  };
}

export const bool: Rule<boolean> = (v, path, issues) => {
  if (typeof v !== "boolean") issues.push({ path, stop: true });
  return v as boolean;
};

export function oneOf<const V extends string>(values: readonly V[]): Rule<V> {
  return (v, path, issues) => {
    if (!values.includes(v as V)) issues.push({ path, stop: true });
    return v as V;
  };
}

export function nullable<T>(rule: Rule<T>): Rule<T | null> {
  return (v, path, issues) => (v === null ? null : rule(v, path, issues));
}

/** May be left out (or be undefined). */
export function optional<T>(rule: Rule<T>): Rule<T | undefined> {
  return (v, path, issues) => (v === undefined ? undefined : rule(v, path, issues));
}

/** Each field with its rule; a field not in the shape fails the whole object. */
export type Shape<T> = { [K in keyof Required<T>]: Rule<T[K]> };

export function strictObject<T extends object>(shape: Shape<T>): Rule<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  const known = new Set<string>(keys);
  return (v, path, issues) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      issues.push({ path, stop: true });
      return v as T;
    }
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = shape[key](input[key], at(path, key), issues);
      // A field left out stays out (an optional one); one given, even as undefined, is kept.
      if (key in input) out[key] = value;
    }
    // for…in, as zod: an inherited enumerable key counts too (fields above are read through the prototype, as zod reads them).
    for (const key in input) {
      if (!known.has(key)) {
        issues.push({ path, stop: false });
        break;
      }
    }
    return out as T;
  };
}

/** An array of at most `max` items; one longer is refused without looking at its items. */
export function arrayOf<T>(rule: Rule<T>, max: number): Rule<T[]> {
  return (v, path, issues) => {
    if (!Array.isArray(v) || v.length > max) {
      issues.push({ path, stop: true });
      return v as T[];
    }
    // Every index, a hole too (map would skip it).
    return Array.from(v, (item, i) => rule(item, at(path, i), issues));
  };
}

/**
 * A check across fields, failing at `field`; like zod's refine, it is not made when a field is not
 * of its kind (the test could not read it).
 */
export function refine<T>(rule: Rule<T>, test: (value: T) => boolean, field: string): Rule<T> {
  return (v, path, issues) => {
    const before = issues.length;
    const value = rule(v, path, issues);
    if (issues.slice(before).some((i) => i.stop)) return value;
    if (!test(value)) issues.push({ path: at(path, field), stop: false });
    return value;
  };
}
