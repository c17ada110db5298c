import * as Y from "yjs";
import { getDb } from "@/db/client";
import { loadStoredDocument } from "@/db/queries/collab";

export type LoadedDocument = { doc: Y.Doc; storedUpdates: number };

/**
 * Rebuild a document from its compacted state and the update log. Returns null when no such
 * document exists. Any failure throws: a load that fails must never serve an empty document.
 */
export async function loadDocument(name: string): Promise<LoadedDocument | null> {
  const stored = await loadStoredDocument(await getDb(), name);
  if (!stored) return null;
  const doc = new Y.Doc();
  // Applying through one Y.Doc in one transaction stays linear in the number of rows,
  // unlike Y.mergeUpdates over many clients (yjs#710).
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
  });
  return { doc, storedUpdates: stored.updates.length };
}
