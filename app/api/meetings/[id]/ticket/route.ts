import { route } from "@/app/_server/route-handler";
import { publicUrl } from "@/lib/env";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { socketOriginOf } from "@/lib/system/public-url";

/**
 * GET /api/meetings/<id>/ticket[?doc=prep] → {"url", "room", "params"} for the stock y-websocket
 * provider. `doc=prep` is the case's private preparation: employee and caseworker only, 403 for
 * everyone else.
 */
export const GET = route(
  { auth: "any", caseData: { recordedBy: "the collaboration server, when the socket opens the document (recordDocumentOpened)" } },
  async ({ actors, params, request }) =>
    getMeetingTicket({
      who: actors,
      meetingId: params.id,
      doc: new URL(request.url).searchParams.get("doc") ?? undefined,
      // The public address, never this request's Host (issue 12.1).
      wsOrigin: socketOriginOf(publicUrl()),
    }),
);
