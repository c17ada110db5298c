import { route } from "@/app/_server/route-handler";
import { completeMeeting } from "@/lib/meetings/complete-meeting";

/**
 * POST /api/meetings/<id>/complete → `{ meetingId, changed }`: the caseworker marks the meeting
 * as completed; its room becomes read-only for everyone (401 not signed in, 403 not allowed,
 * 404 no such meeting, 409 cancelled). Same-origin only.
 */
export const POST = route(
  { auth: "any", caseData: { none: "answers the meeting's id and whether it changed" } },
  async ({ actors, params }) => completeMeeting({ who: actors, meetingId: params.id }),
);
