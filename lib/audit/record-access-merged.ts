import { getDb } from "@/db/client";
import { findRecentAccessRow } from "@/db/queries/access-log";
import { recordAccess, type RecordAccessInput } from "./record-access";

/** How long repeated showings of the same thing to the same person count as one. */
export const MERGE_WINDOW_MS = 10 * 60_000;

/**
 * `recordAccess` for what is shown again and again without anyone asking: a status polled every
 * few seconds, a list on a front page. The first showing in a window writes a row; repeats within
 * MERGE_WINDOW_MS of that row are the same reading and write none — so a poll leaves a trace
 * without burying the rows people need to read (issue 12.7; see 12.8).
 */
export async function recordAccessMerged(input: RecordAccessInput, opts: { windowMs?: number; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const recent = await findRecentAccessRow(await getDb(), {
    caseId: input.caseId,
    actorKind: input.who.kind,
    actorId: input.who.id,
    what: input.what,
    resourceId: input.resourceId ?? null,
    since: new Date(now.getTime() - (opts.windowMs ?? MERGE_WINDOW_MS)),
  });
  if (!recent) await recordAccess(input);
}
