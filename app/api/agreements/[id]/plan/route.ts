import { route } from "@/app/_server/route-handler";
import { getFrozenPlan } from "@/lib/followup/plan-drift";

/**
 * GET /api/agreements/<id>/plan → the version's frozen plan, actions and follow-up (language-free
 * data), so the meeting room can show live what has changed since it was frozen for signing.
 */
export const GET = route({ auth: "any", on: "agreement", caseData: { recordedBy: "getFrozenPlan" } }, async ({ me, params }) =>
  getFrozenPlan({ me, agreementId: params.id }),
);
