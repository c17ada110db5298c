import { getDb } from "@/db/client";
import { extendLiveJoinLinksOfCase } from "@/db/queries/join-links";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import { joinLinkExpiry } from "./join-link-expiry";

/**
 * A meeting was scheduled: every personal link of the case that still works now works until the
 * new end (joinLinkExpiry), so nobody needs a new link for the follow-up meeting. Links already
 * expired or withdrawn stay dead: an old link that may have been forwarded is never revived.
 * Returns how many links were extended.
 */
export async function extendCaseJoinLinks(input: { caseId: string; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  const db = await getDb();
  const until = joinLinkExpiry({ now, meetings: await listMeetingsOfCases(db, [input.caseId]) });
  return extendLiveJoinLinksOfCase(db, { caseId: input.caseId, until, now });
}
