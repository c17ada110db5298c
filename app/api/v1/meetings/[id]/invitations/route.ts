import { apiRoute } from "@/app/_server/api-route";
import { inviteByApi } from "@/lib/api/invite-by-api";
import { API_OPERATIONS } from "@/lib/api/operations";
import { publicUrl } from "@/lib/env";

/** POST /api/v1/meetings/<id>/invitations → 201 `{ participantId, joinUrl }`. */
export const POST = apiRoute(API_OPERATIONS.invite, { none: "answers the new participant's id and their own link" }, ({ me, body, now }) =>
  inviteByApi({ me, body, baseUrl: publicUrl(), now }),
);
