import * as Y from "yjs";
import { AppError } from "../errors";

/**
 * Small readers and validators shared by the model files. The readers take whatever is stored —
 * a document written before the server checked shapes may hold anything anywhere — and read a
 * wrong type as missing. They never call a shared type's toString()/toJSON(), which recurse.
 */

/** A plain text field: a Y.Text (not a rich-text node) or a string; anything else reads as "". */
export function str(v: unknown): string {
  if (isPlainText(v)) return v.toString();
  return typeof v === "string" ? v : "";
}

/** A plain string (an id, a fingerprint); anything else reads as "". */
export function plain(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function numOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function strOrNull(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `null` clears the date; anything else must be a real calendar date `YYYY-MM-DD`. */
export function checkDate(field: string, v: string | null): string | null {
  if (v === null || v === "") return null;
  if (!ISO_DATE.test(v)) throw new AppError("INVALID_INPUT", `${field} must be YYYY-MM-DD`, { [field]: "date" });
  const [y, m, d] = v.split("-").map(Number) as [number, number, number];
  if (!isRealDate(y, m, d)) throw new AppError("INVALID_INPUT", `${field} is not a real date`, { [field]: "date" });
  return v;
}

export function checkDateTime(field: string, v: string | null): string | null {
  if (v === null || v === "") return null;
  if (!LOCAL_DATE_TIME.test(v)) {
    throw new AppError("INVALID_INPUT", `${field} must be YYYY-MM-DDTHH:mm`, { [field]: "datetime" });
  }
  checkDate(field, v.slice(0, 10));
  const [hh, mm] = v.slice(11).split(":").map(Number) as [number, number];
  if (hh > 23 || mm > 59) throw new AppError("INVALID_INPUT", `${field} has an invalid time`, { [field]: "datetime" });
  return v;
}

export function checkNumber(field: string, v: number | null, min: number, max: number): number | null {
  if (v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
    throw new AppError("INVALID_INPUT", `${field} must be a number from ${min} to ${max}`, { [field]: "range" });
  }
  return v;
}

export function checkInteger(field: string, v: number | null, min: number, max: number): number | null {
  const n = checkNumber(field, v, min, max);
  if (n !== null && !Number.isInteger(n)) {
    throw new AppError("INVALID_INPUT", `${field} must be a whole number`, { [field]: "integer" });
  }
  return n;
}

/** A new item id (a UUID: unique without coordination between clients). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Find the Y.Map in an array whose `id` matches, or throw NOT_FOUND. */
export function findById(arr: Y.Array<Y.Map<unknown>>, id: string, what: string): { map: Y.Map<unknown>; index: number } {
  let index = 0;
  for (const map of arr) {
    if (map instanceof Y.Map && map.get("id") === id) return { map, index };
    index++;
  }
  throw new AppError("NOT_FOUND", `${what} ${id} is not in the document`);
}

/** A plain Y.Text, not a rich-text node (Y.XmlText extends Y.Text). */
export function isPlainText(v: unknown): v is Y.Text {
  return v instanceof Y.Text && !(v instanceof Y.XmlText);
}

/** A rich-text fragment, not an element of one (Y.XmlElement extends Y.XmlFragment). */
export function isFragment(v: unknown): v is Y.XmlFragment {
  return v instanceof Y.XmlFragment && !(v instanceof Y.XmlElement);
}

export function textOf(map: Y.Map<unknown>, key: string): Y.Text {
  const t = map.get(key);
  if (!isPlainText(t)) throw new AppError("NOT_FOUND", `${key} is not a text in this item`);
  return t;
}
