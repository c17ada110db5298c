import { route } from "@/app/_server/route-handler";
import { clientOf } from "@/app/_server/request";
import { declineAgreement } from "@/lib/agreements/decline-agreement";
import { confirmationOf, ZDecline } from "../decision-input";

/** POST /api/agreements/<id>/decline {…, reason} → {decision: "declined"}; same identity rules as signing. */
export const POST = route(
  {
    auth: "any",
    on: "agreement",
    body: ZDecline,
    status: 201,
    caseData: { none: "records the caller's own decision and answers only that" },
  },
  async ({ me, params, body, request, now }) =>
    declineAgreement({
      me,
      agreementId: params.id,
      confirmation: confirmationOf(body),
      reason: body.reason,
      shownHash: body.shownHash,
      client: clientOf(request),
      now,
    }),
);
