import { recordAccessMerged } from "../audit/record-access-merged";
import type { DueForViewer } from "./list-due-for-viewer";

/**
 * "What is due from you" was shown (the front page, /me): one's actions and the entries asked for,
 * in the plan's own words. One row per case that had something to show, merged per window, as the
 * front page is opened again and again (12.7). The case page records its own showing instead.
 */
export async function recordDueListShown(due: DueForViewer[]): Promise<void> {
  for (const c of due) {
    if (c.items.length === 0) continue;
    await recordAccessMerged({
      who: { kind: "participant", id: c.viewer.participantId, name: c.viewer.displayName, role: c.role },
      caseId: c.caseId,
      what: "due_list",
      resourceId: c.caseId,
      purpose: "meeting",
    });
  }
}
