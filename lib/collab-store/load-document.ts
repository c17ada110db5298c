import type * as Y from "yjs";
import { getDb } from "@/db/client";
import { loadStoredDocument } from "@/db/queries/collab";
import { rebuildDocument } from "./rebuild-document";
import { organisationOfDocument } from "./organisation-of-document";
import { inOrganisation } from "../access/in-organisation";

/**
 * `skipped`: stored updates that could not be applied and were left out (see rebuildDocument).
 * `organisationId`: the document's organisation, whose scope its commits are written in (absent
 * or null: none, so the statements run outside any — test doubles of the load).
 */
export type LoadedDocument = { doc: Y.Doc; storedUpdates: number; skipped?: number; organisationId?: string | null };

/**
 * Rebuild a document from its compacted state and the update log. Returns null when no such
 * document exists. Any failure throws: a load that fails must never serve an empty document.
 */
export async function loadDocument(name: string): Promise<LoadedDocument | null> {
  // Read in the document's organisation: outside it, row-level security shows no document at all.
  const organisationId = await organisationOfDocument(name);
  const stored = await inOrganisation(organisationId, async () => loadStoredDocument(await getDb(), name));
  if (!stored) return null;
  const { doc, skipped } = rebuildDocument(stored.state, stored.updates);
  return { doc, storedUpdates: stored.updates.length, skipped: skipped.length, organisationId };
}
