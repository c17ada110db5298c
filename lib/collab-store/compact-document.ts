import * as Y from "yjs";
import { getDb } from "@/db/client";
import { compactStoredDocument } from "@/db/queries/collab";

/**
 * Fold the update log into one state, in one transaction (see compactStoredDocument). Merging goes
 * through a Y.Doc with garbage collection on, so text deleted in the meeting is gone from the
 * stored bytes afterwards.
 */
export async function compactDocument(name: string): Promise<{ folded: number }> {
  return compactStoredDocument(await getDb(), name, (state, updates) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state);
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return merged;
  });
}
