import type { RecordAccessInput } from "./record-access";
import { ACCESS_REPEAT_WINDOW_MS, recordRepeatedAccess } from "./record-repeated-access";

/** How long repeated showings of the same thing to the same person count as one row. */
export const MERGE_WINDOW_MS = ACCESS_REPEAT_WINDOW_MS;

/**
 * `recordAccess` for what is shown again and again without anyone asking: a status polled every
 * few seconds, a list on a front page. The same mechanism as repeated socket opens (issue 12.8):
 * the first showing in a window writes a row, repeats count up on it — so a poll leaves a trace
 * without burying the rows people need to read (issue 12.7).
 */
export async function recordAccessMerged(input: RecordAccessInput, opts: { now?: Date } = {}): Promise<void> {
  await recordRepeatedAccess(input, opts.now);
}
