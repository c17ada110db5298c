import { getDb } from "@/db/client";
import { appendUpdates } from "@/db/queries/collab";
import { inOrganisation } from "../access/in-organisation";

/** One update to commit, with its document's organisation (the room's, from its load). */
export type UpdateRow = { docName: string; data: Uint8Array; organisationId?: string | null };

/**
 * Commit a batch of updates (any documents) — one statement per organisation, each in that
 * organisation's scope, so row-level security refuses a row whose document is another
 * organisation's (the policy on collab_updates). An instance serves one organisation's rooms as a
 * rule, so a batch is one statement as before; rows of several are written side by side, and the
 * call resolves once all of them have committed (a failure rejects it: the commit queue then
 * retries room by room, and a row that did commit merges idempotently).
 */
export async function appendDocumentUpdates(rows: UpdateRow[]): Promise<void> {
  const db = await getDb();
  const byOrganisation = new Map<string | null, UpdateRow[]>();
  for (const r of rows) {
    const key = r.organisationId ?? null;
    const group = byOrganisation.get(key);
    if (group) group.push(r);
    else byOrganisation.set(key, [r]);
  }
  await Promise.all([...byOrganisation].map(([org, group]) => inOrganisation(org, () => appendUpdates(db, group))));
}
