import { route } from "@/app/_server/route-handler";
import { clientOf } from "@/app/_server/request";
import { signAgreement } from "@/lib/agreements/sign-agreement";
import { confirmationOf, ZSign } from "../decision-input";

/**
 * POST /api/agreements/<id>/sign → {decision, sealed}. 409 when the fingerprint posted is not
 * this version's, or the version is sealed or replaced; 401 {session: "stale"} when a signature on
 * one's own device comes from a sign-in older than 15 minutes that was not in the meeting's room
 * (the sign-in someone joined the meeting with signs at its end: lib/agreements/signing-presence.ts).
 */
export const POST = route(
  {
    auth: "any",
    on: "agreement",
    body: ZSign,
    status: 201,
    caseData: { none: "records the caller's own signature and answers only that" },
  },
  async ({ me, params, body, request, now }) =>
    signAgreement({
      me,
      agreementId: params.id,
      confirmation: confirmationOf(body),
      readAndAgreed: body.readAndAgreed,
      shownHash: body.shownHash,
      client: clientOf(request),
      now,
    }),
);
