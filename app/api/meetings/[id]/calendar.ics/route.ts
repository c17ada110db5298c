import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { meetingCalendarFile } from "@/lib/calendar/meeting-calendar-file";
import { publicUrl } from "@/lib/env";

/**
 * GET /api/meetings/<id>/calendar.ics → the meeting as an iCalendar file, for participants of its
 * case only (401 without a session, 403 for another case's meeting). No health data in it: only
 * "Meeting", the time, the place or video link and the person's own room address.
 */
export const GET = route(
  { auth: "any", on: "meeting", caseData: { none: "only the time, the place and the person's own room address: no case content" } },
  async ({ me, params, request }) => {
    const file = await meetingCalendarFile({ me, meetingId: params.id, baseUrl: publicUrl(), locale: localeOf(request) });
    return new Response(file.body, {
      status: 200,
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
