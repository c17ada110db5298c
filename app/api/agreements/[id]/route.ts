import { route } from "@/app/_server/route-handler";
import { localeOf } from "@/app/_server/request";
import { getAgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";
import { recordAgreementStatusShown } from "@/lib/audit/record-agreement-status-shown";

/**
 * GET /api/agreements/<id> → where the version stands: who has signed, declined or not yet, and
 * whether it is binding. Polled by the agreement page; the plan itself is not included. Who
 * declined and why is case data: recorded in the access log, once per viewer per window.
 */
export const GET = route(
  { auth: "any", on: "agreement", caseData: { record: ({ me, params }) => recordAgreementStatusShown(me, params.id) } },
  async ({ me, params, request }) =>
    getAgreementForParticipant({ me, agreementId: params.id, locale: localeOf(request), withDocument: false }),
);
