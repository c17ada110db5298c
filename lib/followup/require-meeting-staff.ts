import { getDb } from "@/db/client";
import { findMeetingWithCase, type MeetingRow } from "@/db/queries/meetings";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Actors } from "../access/actor";
import { requireCaseStaff, type CaseAccess } from "../cases/require-case-staff";

/**
 * Who → may this staff member manage this meeting (`meeting: manage` on its case)? An unknown id
 * is NOT_FOUND, a meeting of a case they are not on FORBIDDEN, no session UNAUTHENTICATED.
 */
export async function requireMeetingStaff(input: { who: Actors; meetingId: string }): Promise<CaseAccess & { meeting: MeetingRow }> {
  if (!input.who.staff && !input.who.system) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isUuid(input.meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const found = await findMeetingWithCase(await getDb(), input.meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  const access = await requireCaseStaff({ who: input.who, caseId: found.case.id }, { action: "manage", resource: "meeting" });
  return { ...access, meeting: found.meeting };
}
