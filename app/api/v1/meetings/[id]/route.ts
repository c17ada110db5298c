import { apiRoute } from "@/app/_server/api-route";
import { changeMeetingByApi } from "@/lib/api/change-meeting-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";
import { publicUrl } from "@/lib/env";

/** PATCH /api/v1/meetings/<id> → move or cancel; `{ meetingId, status, sequence }`. */
export const PATCH = apiRoute(
  API_OPERATIONS.changeMeeting,
  { none: "answers the meeting's id, status and calendar sequence" },
  ({ me, meeting, body }) => changeMeetingByApi({ me, meeting, body, baseUrl: publicUrl() }),
);
