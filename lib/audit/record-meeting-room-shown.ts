import type { MeetingContext } from "../access/actor";
import { recordAccess } from "./record-access";

/** The meeting room page was rendered for this participant: the case header and participants were shown. */
export async function recordMeetingRoomShown(ctx: MeetingContext): Promise<void> {
  await recordAccess({
    who: { kind: "participant", id: ctx.me.participantId, name: ctx.me.displayName, role: ctx.me.role },
    caseId: ctx.meeting.caseId,
    what: "meeting_room",
    resourceId: ctx.meeting.id,
    purpose: "meeting",
  });
}
