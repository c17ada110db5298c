import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { recordProgress } from "@/lib/progress/record-progress";

/**
 * POST /api/cases/<id>/progress { subGoalId, date, value, note? } → 201 with the entry. The
 * employee and the manager of the case only (403 for other roles and other cases); a value
 * outside the measure's range, a date in the future … → 400 with the field's code.
 */
export const POST = route(
  // The body is validated in lib (recordProgress), against the measure's range.
  { auth: "any", on: "case", body: z.unknown(), status: 201, caseData: { none: "records the caller's own entry and answers only that" } },
  async ({ me, body }) => recordProgress({ me, raw: body }),
);
