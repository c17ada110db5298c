import { getDb } from "@/db/client";
import { deleteProgressEntry, findProgressEntry } from "@/db/queries/progress-entries";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { assertCan } from "../permissions";
import { assertCaseOpen } from "../access/assert-case-open";

/**
 * A mistyped entry is removed by the person who recorded it (nobody else: the entry is theirs).
 * Another case's entry answers FORBIDDEN, an unknown one NOT_FOUND.
 */
export async function removeProgressEntry(input: { me: Pick<Me, "caseId" | "participantId" | "role">; entryId: unknown }): Promise<void> {
  assertCan(input.me.role, "write", "progress");
  await assertCaseOpen(input.me.caseId);
  if (typeof input.entryId !== "string" || !isUuid(input.entryId)) throw new AppError("NOT_FOUND", "no such progress entry");
  const db = await getDb();
  const row = await findProgressEntry(db, input.entryId);
  if (!row) throw new AppError("NOT_FOUND", "no such progress entry");
  if (row.caseId !== input.me.caseId || row.recordedBy !== input.me.participantId)
    throw new AppError("FORBIDDEN", "only the person who recorded it may remove it");
  await deleteProgressEntry(db, row.id);
}
