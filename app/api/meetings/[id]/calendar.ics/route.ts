import { errorResponse } from "@/app/_server/error-response";
import { localeOf, principalOf } from "@/app/api/agreements/_edge";
import { actorForMeeting } from "@/lib/agreements/require-agreement-actor";
import { meetingCalendarFile } from "@/lib/calendar/meeting-calendar-file";
import { publicUrl } from "@/lib/env";

/**
 * GET /api/meetings/<id>/calendar.ics → the meeting as an iCalendar file, for participants of its
 * case only (401 without a session, 403 for another case's meeting). No health data in it: only
 * "Meeting", the time, the place or video link and the person's own room address.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { me } = await actorForMeeting(principalOf(req), id);
    const file = await meetingCalendarFile({ me, meetingId: id, baseUrl: publicUrl(), locale: localeOf(req) });
    return new Response(file.body, {
      status: 200,
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
