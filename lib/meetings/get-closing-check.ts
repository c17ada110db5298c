import { loadDocument } from "../collab-store/load-document";
import { meetingDocName } from "../collab/doc-names";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { readFlow } from "../collab/flow-read";
import { closingCheck, type ClosingCheck } from "../collab/flow-closing";
import type { Phase, Stamp } from "../collab/flow-schema";
import { AppError } from "../errors";
import { dateInZone } from "../time/zoned";
import { listMeetingParticipants } from "./list-meeting-participants";
import type { MeetingContext } from "../access/actor";

export type ClosingState = { phase: Phase; check: ClosingCheck; confirmed: Stamp | null };

/**
 * Where the meeting's closing check stands, read from the stored shared document — for the
 * agreement page, so the chair prepares the agreement after the room's closing step, not before.
 * Takes the context `requireMeetingParticipant` returned: only someone in the meeting may ask.
 */
export async function getClosingCheck(ctx: MeetingContext): Promise<ClosingState> {
  const loaded = await loadDocument(meetingDocName(ctx.meeting.id));
  if (!loaded) throw new AppError("NOT_FOUND", "the meeting has no shared document");
  try {
    const view = readMeetingDoc(loaded.doc);
    const flow = readFlow(loaded.doc);
    const people = await listMeetingParticipants(ctx);
    const check = closingCheck({
      actions: view.actions,
      subGoals: view.plan.subGoals,
      nextMeetingAt: view.followUp.nextMeetingAt,
      flow,
      participants: people,
      plan: view.plan,
      followUp: view.followUp,
      meetingDate: dateInZone(ctx.meeting.startsAt),
    });
    return { phase: flow.phase, check, confirmed: flow.closed && check.ready ? flow.closed : null };
  } finally {
    loaded.doc.destroy();
  }
}
