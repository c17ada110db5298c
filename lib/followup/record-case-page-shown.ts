import { recordAccess } from "../audit/record-access";
import type { Me } from "../access/actor";

/**
 * A participant's case page was rendered (the timeline, the agreement, progress): one access-log
 * row, like the room page's, so the employee can see who looked at their case and when.
 */
export async function recordCasePageShown(me: Pick<Me, "caseId" | "participantId" | "displayName" | "role">): Promise<void> {
  await recordAccess({
    who: { kind: "participant", id: me.participantId, name: me.displayName, role: me.role },
    caseId: me.caseId,
    what: "case_overview",
    resourceId: me.caseId,
    purpose: "meeting",
  });
}
