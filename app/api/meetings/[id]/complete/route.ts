import { NextResponse } from "next/server";
import { completeMeeting } from "@/lib/meetings/complete-meeting";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { currentStaff } from "@/app/_server/auth";
import { sessionToken } from "@/app/_server/session";

/**
 * POST /api/meetings/<id>/complete → `{ meetingId, changed }`: the caseworker marks the meeting
 * as completed; its room becomes read-only for everyone (401 not signed in, 403 not allowed,
 * 404 no such meeting, 409 cancelled). Same-origin only.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(req);
    const { id } = await ctx.params;
    const staff = await currentStaff();
    const result = await completeMeeting({
      who: { participantSessionToken: await sessionToken(), staffUserId: staff?.userId, staffAuthMethod: staff?.authMethod },
      meetingId: id,
    });
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
