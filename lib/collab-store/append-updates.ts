import { getDb } from "@/db/client";
import { appendUpdates } from "@/db/queries/collab";

/** Commit a batch of updates (any documents) in one statement; resolves after the commit. */
export async function appendDocumentUpdates(rows: { docName: string; data: Uint8Array }[]): Promise<void> {
  await appendUpdates(await getDb(), rows);
}
