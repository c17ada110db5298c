import type { Db } from "../client";
import { collabDocuments } from "../schema";

/**
 * Create a per-case collaboration document (e.g. the private preparation `prep-<caseId>`) with its
 * initial state; does nothing when it already exists, so concurrent first opens are harmless.
 */
export async function createCaseDocument(db: Db, input: { name: string; caseId: string; state: Uint8Array }): Promise<void> {
  await db
    .insert(collabDocuments)
    .values({ name: input.name, caseId: input.caseId, meetingId: null, state: input.state })
    .onConflictDoNothing();
}
