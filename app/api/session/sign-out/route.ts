import { NextResponse } from "next/server";
import { participantSessionToken } from "@/app/_server/credentials";
import { route } from "@/app/_server/route-handler";
import { endParticipantSession } from "@/lib/access/end-participant-session";
import { SESSION_COOKIE_NAMES } from "@/lib/access/session-cookie";

/**
 * POST /api/session/sign-out: end this device's participant session (a plain form posts here, so it
 * works without JavaScript), close its sockets through the revocation bus, delete the cookie and
 * tell the browser to drop its cache and storage (Clear-Site-Data), then 303 to /signed-out.
 * Signing out twice is harmless: there is nothing left to end, and the answer is the same.
 * `auth: "none"`: an expired session must be able to sign out too.
 */
export const POST = route({ auth: "none", caseData: { none: "ends the caller's participant session" } }, async ({ request }) => {
  await endParticipantSession(await participantSessionToken(request));
  const res = new NextResponse(null, {
    status: 303,
    headers: { Location: "/signed-out", "Cache-Control": "no-store", "Clear-Site-Data": '"cache", "storage"' },
  });
  for (const name of SESSION_COOKIE_NAMES) {
    res.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Host-") });
  }
  return res;
});
