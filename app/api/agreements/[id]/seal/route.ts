import { route } from "@/app/_server/route-handler";
import { bindAgreement } from "@/lib/agreements/bind-agreement";

/**
 * POST /api/agreements/<id>/seal → {sealedAt}: the chair makes a complete agreement binding
 * without waiting for an undecided supporter. 409 while a required signer has not signed.
 */
export const POST = route(
  { auth: "any", on: "agreement", caseData: { none: "makes a version binding; answers only its id and the time" } },
  async ({ me, params }) => bindAgreement({ me, agreementId: params.id }),
);
