import * as Y from "yjs";

/** Stored updates skipped before a load gives up (each one costs a rebuild from the start). */
const MAX_SKIPPED = 8;

export type Rebuilt = { doc: Y.Doc; skipped: number[] };

/**
 * A document from its compacted state and its update log. Normally one transaction over all rows
 * (linear in the rows, unlike Y.mergeUpdates over many clients: yjs#710). A stored row that makes
 * Yjs throw — one stored before the server checked shapes, e.g. the deletion of a note nested
 * 3,000 levels deep, whose recursive delete overflows the stack — would otherwise break the room
 * at every load, across restarts. So when the fast path throws, the document is rebuilt row by row
 * and each row that throws is skipped (its index in `skipped`), starting afresh each time, since a
 * half-applied row leaves the document in an unknown state. A compacted state that throws, or more
 * than MAX_SKIPPED such rows, is an error: a failed load never serves an empty document.
 */
export function rebuildDocument(state: Uint8Array | null, updates: readonly Uint8Array[]): Rebuilt {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state);
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return { doc, skipped: [] };
  } catch {
    destroyQuietly(doc);
  }
  const skipped: number[] = [];
  for (;;) {
    const attempt = new Y.Doc();
    if (state) {
      try {
        Y.applyUpdate(attempt, state);
      } catch (e) {
        destroyQuietly(attempt);
        throw e;
      }
    }
    const failedAt = applyRows(attempt, updates, skipped);
    if (failedAt < 0) return { doc: attempt, skipped };
    destroyQuietly(attempt);
    skipped.push(failedAt);
    if (skipped.length > MAX_SKIPPED) throw new Error(`more than ${MAX_SKIPPED} stored updates cannot be applied`);
  }
}

/** Apply every row not skipped, each in its own transaction; the index of the first that throws, or -1. */
function applyRows(doc: Y.Doc, updates: readonly Uint8Array[], skipped: readonly number[]): number {
  for (let i = 0; i < updates.length; i++) {
    if (skipped.includes(i)) continue;
    try {
      Y.applyUpdate(doc, updates[i]!);
    } catch {
      return i;
    }
  }
  return -1;
}

function destroyQuietly(doc: Y.Doc): void {
  try {
    doc.destroy();
  } catch {
    // A document whose apply threw may be in any state; it is dropped either way.
  }
}
