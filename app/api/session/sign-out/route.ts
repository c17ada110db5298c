import { NextResponse } from "next/server";
import { endParticipantSession } from "@/lib/access/end-participant-session";
import { SESSION_COOKIE_NAMES } from "@/lib/access/session-cookie";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { sessionToken } from "@/app/_server/session";

/**
 * POST /api/session/sign-out: end this device's participant session (a plain form posts here, so it
 * works without JavaScript), close its sockets through the revocation bus, delete the cookie and
 * tell the browser to drop its cache and storage (Clear-Site-Data), then 303 to /signed-out.
 * Signing out twice is harmless: there is nothing left to end, and the answer is the same.
 */
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    await endParticipantSession(await sessionToken());
    const res = new NextResponse(null, {
      status: 303,
      headers: { Location: "/signed-out", "Cache-Control": "no-store", "Clear-Site-Data": '"cache", "storage"' },
    });
    for (const name of SESSION_COOKIE_NAMES) {
      res.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Host-") });
    }
    return res;
  } catch (e) {
    return errorResponse(e);
  }
}
