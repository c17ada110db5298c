import { z } from "zod";
import { route } from "@/app/_server/route-handler";
import { clientOf } from "@/app/_server/request";
import { amendAgreement } from "@/lib/agreements/amend-agreement";
import { MAX_REASON_LENGTH } from "@/lib/agreements/create-agreement-version";
import { listAgreementVersions } from "@/lib/agreements/list-agreement-versions";
import { prepareAgreement } from "@/lib/agreements/prepare-agreement";
import { recordAgreementVersionsShown } from "@/lib/audit/record-agreement-versions-shown";

/**
 * GET /api/agreements[?meetingId=<id>] → every version of the case, oldest first: the meeting's
 * case (a signed-in caseworker has several), else the case of the participant's session.
 */
export const GET = route(
  { auth: "any", caseData: { recordedBy: "recordAgreementVersionsShown, in the handler (the case is named by the query)" } },
  async ({ access, request }) => {
    const meetingId = new URL(request.url).searchParams.get("meetingId");
    const { me } = await access(meetingId ? { meetingId } : "own-case");
    const versions = await listAgreementVersions({ me });
    await recordAgreementVersionsShown(me);
    return { versions };
  },
);

const ZPrepare = z.strictObject({
  meetingId: z.string().min(1).max(100),
  unionRepSigns: z.boolean(),
  /** Given: version n+1 with this reason. Absent: version 1. */
  reason: z.string().max(MAX_REASON_LENGTH).optional(),
});

/**
 * POST /api/agreements {meetingId, unionRepSigns, reason?} → 201 {agreementId, version, fingerprint}:
 * the chair freezes the meeting's plan for signing (version 1, or n+1 with a reason).
 */
export const POST = route(
  { auth: "any", body: ZPrepare, status: 201, caseData: { none: "freezes a version; answers only its id, number and fingerprint" } },
  async ({ access, body, request }) => {
    const { me } = await access({ meetingId: body.meetingId });
    const common = { me, meetingId: body.meetingId, unionRepSigns: body.unionRepSigns, client: clientOf(request) };
    return body.reason === undefined ? prepareAgreement(common) : amendAgreement({ ...common, reason: body.reason });
  },
);
