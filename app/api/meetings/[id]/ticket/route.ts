import { NextResponse } from "next/server";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { errorResponse } from "@/app/_server/error-response";
import { sessionToken, staffSessionToken } from "@/app/_server/session";
import { publicUrl } from "@/lib/env";
import { socketOriginOf } from "@/lib/system/public-url";
import { currentStaff } from "@/app/_server/auth";

/**
 * GET /api/meetings/<id>/ticket[?doc=prep] → {"url", "room", "params"} for the stock y-websocket
 * provider. `doc=prep` is the case's private preparation: employee and caseworker only, 403 for
 * everyone else.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const staff = await currentStaff();
    const answer = await getMeetingTicket({
      sessionToken: await sessionToken(),
      staffUserId: staff?.userId,
      staffAuthMethod: staff?.authMethod,
      staffSessionToken: staff ? await staffSessionToken() : null,
      meetingId: id,
      doc: new URL(req.url).searchParams.get("doc") ?? undefined,
      // The public address, never this request's Host (issue 12.1).
      wsOrigin: socketOriginOf(publicUrl()),
    });
    return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
