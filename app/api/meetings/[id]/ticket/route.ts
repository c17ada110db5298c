import { NextResponse } from "next/server";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { errorResponse } from "@/app/_server/error-response";
import { isSecureRequest, sessionToken } from "@/app/_server/session";

/** GET /api/meetings/<id>/ticket → {"url", "room", "params"} for the stock y-websocket provider. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
    const answer = await getMeetingTicket({
      sessionToken: await sessionToken(),
      meetingId: id,
      wsOrigin: `${isSecureRequest(req) ? "wss" : "ws"}://${host}`,
    });
    return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
