import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { setMeasurePrivacy } from "@/lib/progress/set-measure-privacy";

/**
 * PUT /api/cases/<id>/measure-privacy { subGoalId, health, shared } → 200 with the measure's
 * privacy. The employee decides whether a measure is about their health and whether its values are
 * shared; the caseworker may only mark one as about health (403 otherwise, and for every other
 * role and another case's participant); an unknown sub-goal → 404; a malformed body → 400.
 */
export const PUT = route(
  // The body is validated in lib (setMeasurePrivacy), next to the rules it serves.
  { auth: "any", on: "case", body: z.unknown(), caseData: { none: "answers the setting just made" } },
  async ({ me, body }) => setMeasurePrivacy({ me, raw: body }),
);
