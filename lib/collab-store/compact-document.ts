import * as Y from "yjs";
import { getDb } from "@/db/client";
import { compactStoredDocument } from "@/db/queries/collab";

/**
 * Fold the update log into one state, in one transaction (see compactStoredDocument). Merging goes
 * through a Y.Doc with garbage collection on, so text deleted in the meeting is gone from the
 * stored bytes afterwards.
 */
export async function compactDocument(name: string, batch = 10_000): Promise<{ folded: number }> {
  const db = await getDb();
  let folded = 0;
  for (;;) {
    const pass = await compactStoredDocument(db, name, merge, batch);
    folded += pass.folded;
    if (pass.folded < batch) return { folded };
  }
}

function merge(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
