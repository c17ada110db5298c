import type * as Y from "yjs";

/**
 * The single changed range between two strings: replace before[start, end) with `insert`.
 * Works on UTF-16 code units like Y.Text does; a surrogate pair is never split at either edge,
 * so an emoji typed next to another is never written as two lone halves.
 */
export function diffRange(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  const minLen = Math.min(before.length, after.length);
  while (start < minLen && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endB < before.length && isLowSurrogate(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { start, end: endB, insert: after.slice(start, endA) };
}

/**
 * Apply the change from `before` to `after` to a Y.Text as one delete + insert at the point where
 * they differ, so concurrent typing elsewhere in the same text merges instead of being replaced.
 */
export function applyTextChange(text: Y.Text, before: string, after: string): void {
  if (before === after) return;
  const { start, end, insert } = diffRange(before, after);
  const run = () => {
    if (end > start) text.delete(start, end - start);
    if (insert) text.insert(start, insert);
  };
  if (text.doc) text.doc.transact(run);
  else run();
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
