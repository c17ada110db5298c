import { NextResponse } from "next/server";
import { route } from "@/app/_server/route-handler";
import { startEidSignIn } from "@/lib/eid/start-eid-sign-in";

/**
 * GET /api/eid/start?return=/agreements/<id> → 303 to the organisation's eID broker (MitID,
 * ID-porten). Only for a participant signed in by their personal link: the eID confirms that
 * person, it opens no session by itself. A plain link, not a form, so the page's CSP form-action
 * need not name every organisation's broker.
 */
export const GET = route(
  { auth: "participant", caseData: { none: "starts an eID sign-in; the answer is a redirect to the broker" } },
  async ({ actor, request, now }) => {
    const returnTo = new URL(request.url).searchParams.get("return") ?? undefined;
    const { url } = await startEidSignIn(actor, { returnTo }, now);
    return new NextResponse(null, { status: 303, headers: { Location: url, "Cache-Control": "no-store" } });
  },
);
