import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { confirmAgreementRead } from "@/lib/followup/confirm-agreement-read";

/** POST /api/cases/<id>/read-receipts { agreementId, fingerprint } → "I have read the binding agreement". */
export const POST = route(
  { auth: "any", on: "case", body: z.unknown(), status: 201, caseData: { none: "records the caller's own receipt and answers only that" } },
  async ({ me, body }) => {
    const receipt = await confirmAgreementRead({ me, raw: body });
    return { ...receipt, readAt: receipt.readAt.toISOString() };
  },
);
