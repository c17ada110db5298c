import { apiRoute } from "@/app/_server/api-route";
import { API_OPERATIONS } from "@/lib/api/operations";
import { scheduleMeetingByApi } from "@/lib/api/schedule-meeting-by-api";

/** POST /api/v1/cases/<id>/meetings → 201 `{ meetingId }`. */
export const POST = apiRoute(API_OPERATIONS.scheduleMeeting, { none: "answers only the new meeting's id" }, ({ me, body }) =>
  scheduleMeetingByApi({ me, body }),
);
