import * as Y from "yjs";
import { getDb } from "@/db/client";
import { compactStoredDocument } from "@/db/queries/collab";
import { rebuildDocument } from "./rebuild-document";
import { inDocumentsOrganisation } from "./organisation-of-document";
import { logger } from "../log/logger";

const log = logger("collab-store");

/**
 * Fold the update log into one state, in one transaction (see compactStoredDocument). Merging goes
 * through a Y.Doc with garbage collection on, so text deleted in the meeting is gone from the
 * stored bytes afterwards.
 */
export async function compactDocument(name: string, batch = 10_000): Promise<{ folded: number }> {
  return inDocumentsOrganisation(name, () => compactIn(name, batch));
}

async function compactIn(name: string, batch: number): Promise<{ folded: number }> {
  const db = await getDb();
  let folded = 0;
  for (;;) {
    const pass = await compactStoredDocument(db, name, merge, batch);
    folded += pass.folded;
    if (pass.folded < batch) return { folded };
  }
}

/**
 * Rows that cannot be applied (see rebuildDocument) are left out of the merged state, so a room
 * that loads around them every time stops doing so after its next compaction; they held nothing a
 * document could show.
 */
function merge(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const { doc, skipped } = rebuildDocument(state, updates);
  if (skipped.length > 0) log.warn("compaction left out stored updates that cannot be applied", { skipped: skipped.length });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
