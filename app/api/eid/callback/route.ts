import { NextResponse } from "next/server";
import { route } from "@/app/_server/route-handler";
import type { AppError } from "@/lib/errors";
import { finishEidSignIn } from "@/lib/eid/finish-eid-sign-in";

/** A relative Location: the browser resolves it against the address it used. */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

const withParam = (path: string, value: string) => `${path}${path.includes("?") ? "&" : "?"}eid=${value}`;

/** A refused eID sign-in is a page with a calm sentence (the person's own page), not JSON. */
function answerError(e: AppError): Response | null {
  const reason = e.code === "FORBIDDEN" ? "refused" : e.code === "GONE" ? "expired" : e.code === "UNAUTHENTICATED" ? "failed" : null;
  return reason ? seeOther(`/eid?result=${reason}`) : null;
}

/**
 * GET /api/eid/callback?code&state&iss — where the eID broker sends the person back. The code is
 * exchanged and the ID token checked (finish-eid-sign-in.ts); the person returns to the page they
 * came from with `?eid=ok`, or to /eid with the reason in calm words.
 */
export const GET = route(
  { auth: "participant", answerError, caseData: { none: "finishes an eID sign-in; the answer is a redirect" } },
  async ({ actor, request, now }) => {
    const { returnTo } = await finishEidSignIn(actor, new URL(request.url).searchParams, now);
    return seeOther(withParam(returnTo, "ok"));
  },
);
