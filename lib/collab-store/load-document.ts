import type * as Y from "yjs";
import { getDb } from "@/db/client";
import { loadStoredDocument } from "@/db/queries/collab";
import { rebuildDocument } from "./rebuild-document";

/** `skipped`: stored updates that could not be applied and were left out (see rebuildDocument). */
export type LoadedDocument = { doc: Y.Doc; storedUpdates: number; skipped?: number };

/**
 * Rebuild a document from its compacted state and the update log. Returns null when no such
 * document exists. Any failure throws: a load that fails must never serve an empty document.
 */
export async function loadDocument(name: string): Promise<LoadedDocument | null> {
  const stored = await loadStoredDocument(await getDb(), name);
  if (!stored) return null;
  const { doc, skipped } = rebuildDocument(stored.state, stored.updates);
  return { doc, storedUpdates: stored.updates.length, skipped: skipped.length };
}
