import { NextResponse } from "next/server";
import { openJoinLink } from "@/lib/access/open-join-link";
import { sessionCookieName, sessionCookieOptions } from "@/lib/access/session-cookie";
import { isAppError } from "@/lib/errors";
import { isSecureRequest } from "@/app/_server/session";

/**
 * Opening a join link signs that person in: the token becomes a session cookie and the browser
 * is sent (303) to a URL without the token. No-referrer, so the token never leaks onward.
 */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const headers = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };
  try {
    const secure = isSecureRequest(req);
    const opened = await openJoinLink({
      token,
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: req.headers.get("user-agent"),
    });
    // A relative Location: the browser resolves it against the address it used, whatever proxy is in front.
    const res = new NextResponse(null, { status: 303, headers: { ...headers, Location: `/meetings/${opened.meetingId}` } });
    res.cookies.set(sessionCookieName(secure), opened.sessionToken, sessionCookieOptions(secure, opened.sessionExpiresAt));
    return res;
  } catch (e) {
    const reason = isAppError(e) && e.code === "GONE" ? "gone" : isAppError(e) && e.code === "NOT_FOUND" ? "unknown" : "error";
    if (!isAppError(e)) console.error(e);
    return new NextResponse(null, { status: 303, headers: { ...headers, Location: `/join/invalid?reason=${reason}` } });
  }
}
