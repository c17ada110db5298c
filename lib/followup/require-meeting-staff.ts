import { getDb } from "@/db/client";
import { findMeetingWithCase, type MeetingRow } from "@/db/queries/meetings";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { requireCaseStaff, type CaseAccess } from "../cases/require-case-staff";

/**
 * Who → may this staff member manage this meeting (`meeting: manage` on its case)? An unknown id
 * is NOT_FOUND, a meeting of a case they are not on FORBIDDEN, no session UNAUTHENTICATED.
 */
export async function requireMeetingStaff(input: {
  staffUserId: string | null | undefined;
  meetingId: string;
}): Promise<CaseAccess & { meeting: MeetingRow }> {
  if (!input.staffUserId) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isUuid(input.meetingId)) throw new AppError("NOT_FOUND", "no such meeting");
  const found = await findMeetingWithCase(await getDb(), input.meetingId);
  if (!found) throw new AppError("NOT_FOUND", "no such meeting");
  const access = await requireCaseStaff(
    { staffUserId: input.staffUserId, caseId: found.case.id },
    { action: "manage", resource: "meeting" },
  );
  return { ...access, meeting: found.meeting };
}
