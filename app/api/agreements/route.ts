import { z } from "zod";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { amendAgreement } from "@/lib/agreements/amend-agreement";
import { MAX_REASON_LENGTH } from "@/lib/agreements/create-agreement-version";
import { listAgreementVersions } from "@/lib/agreements/list-agreement-versions";
import { prepareAgreement } from "@/lib/agreements/prepare-agreement";
import { actorForMeeting, hasCredentials, requireAgreementActor } from "@/lib/agreements/require-agreement-actor";
import { recordAgreementVersionsShown } from "@/lib/audit/record-agreement-versions-shown";
import { AppError } from "@/lib/errors";
import { clientOf, json, principalOf, readBody } from "./_edge";

/**
 * GET /api/agreements[?meetingId=<id>] → every version of the case, oldest first: the meeting's
 * case (a signed-in caseworker has several), else the case of the participant's session.
 */
export async function GET(req: Request) {
  try {
    const meetingId = new URL(req.url).searchParams.get("meetingId");
    const principal = principalOf(req);
    const { me } = meetingId ? await actorForMeeting(principal, meetingId) : await requireAgreementActor(principal.participantSessionToken);
    const versions = await listAgreementVersions({ me });
    await recordAgreementVersionsShown(me);
    return json({ versions });
  } catch (e) {
    return errorResponse(e);
  }
}

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
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    const principal = principalOf(req);
    if (!hasCredentials(principal)) throw new AppError("UNAUTHENTICATED", "not signed in");
    const input = await readBody(req, ZPrepare);
    const actor = await actorForMeeting(principal, input.meetingId);
    const common = { actor, meetingId: input.meetingId, unionRepSigns: input.unionRepSigns, client: clientOf(req) };
    const prepared = input.reason === undefined ? await prepareAgreement(common) : await amendAgreement({ ...common, reason: input.reason });
    return json(prepared, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
