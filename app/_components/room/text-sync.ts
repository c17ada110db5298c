/**
 * Helpers for binding a Y.Text to a plain <input>/<textarea>: keep the local caret where it
 * belongs when someone else's edit lands in the same field. The local change itself is found by
 * `diffRange` in lib/collab/text-diff.ts.
 */
export type TextDelta = { insert?: unknown; delete?: number; retain?: number }[];

function insertLength(insert: unknown): number {
  return typeof insert === "string" ? insert.length : 1;
}

/**
 * Where `index` (in the text before the change) ends up after the change. Text inserted exactly at
 * the caret lands after it, so the local typist keeps typing where they were.
 */
export function mapIndex(delta: TextDelta, index: number): number {
  let pos = 0; // position in the old text
  let shift = 0;
  for (const op of delta) {
    if (pos > index) break;
    if (op.retain !== undefined) pos += op.retain;
    else if (op.insert !== undefined) {
      if (pos < index) shift += insertLength(op.insert);
    } else if (op.delete !== undefined) {
      if (pos < index) {
        const removed = Math.min(op.delete, index - pos);
        shift -= removed;
      }
      pos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
