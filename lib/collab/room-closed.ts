/**
 * Why a room is read-only for everyone, for good: its meeting was held and completed, its meeting
 * was cancelled (nothing more is written for a meeting that will not take place), or its case was
 * closed (a closed case is read-only everywhere until it is reopened). The case's private
 * preparation has no meeting: only a closed case closes it. One rule for the ticket endpoint, the
 * socket server's admission and its periodic re-check.
 */
export type RoomClosedReason = "meeting_completed" | "meeting_cancelled" | "case_closed";

export function roomClosedReason(input: { caseState: string; meetingStatus?: string | null }): RoomClosedReason | null {
  if (input.caseState === "closed") return "case_closed";
  if (input.meetingStatus === "completed") return "meeting_completed";
  if (input.meetingStatus === "cancelled") return "meeting_cancelled";
  return null;
}
