import { NextResponse } from "next/server";
import { decideJoin } from "@/lib/access/decide-join";
import { openJoinLink } from "@/lib/access/open-join-link";
import { pendingJoinCookieName, pendingJoinCookieOptions, sessionCookieName, sessionCookieOptions } from "@/lib/access/session-cookie";
import { participantSessionToken } from "@/app/_server/credentials";
import { route } from "@/app/_server/route-handler";
import { clientIpOf, isHttpsRequest } from "@/lib/web-security/forwarded-headers";
import { localeOfRequest } from "@/lib/mail/mail-text";
import { rememberFirstLanguage } from "@/lib/reminders/remember-language";
import { joinFailure } from "../join-failure";

const HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

/** A relative Location: the browser resolves it against the address it used, whatever proxy is in front. */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { ...HEADERS, Location: location } });
}

/**
 * Opening a join link signs that person in: the token becomes a session cookie and the browser
 * is sent (303) to a URL without the token. No-referrer, so the token never leaks onward.
 *
 * If this browser is already signed in as ANOTHER participant, nothing is replaced yet: the token
 * waits in an httpOnly cookie and the browser is sent to /join/confirm, which asks "continue as …?"
 * (issue 12.11). The same person opening their own link again goes straight in.
 */
export const GET = route(
  { auth: "none", params: ["token"], caseData: { none: "exchanges a join link for a session and redirects" } },
  async ({ request: req, params }) => {
    const { token } = params;
    try {
      const secure = isHttpsRequest(req.headers, req.url);
      const decision = await decideJoin({ token, sessionToken: await participantSessionToken(req) });
      if (decision.kind === "ask") {
        const res = seeOther("/join/confirm");
        res.cookies.set(pendingJoinCookieName(secure), token, pendingJoinCookieOptions(secure));
        return res;
      }
      const opened = await openJoinLink({
        token,
        ip: clientIpOf(req.headers),
        userAgent: req.headers.get("user-agent"),
      });
      // Their reminders are written in the language they read Stepwise in.
      await rememberFirstLanguage(opened.participantId, localeOfRequest(req.headers));
      const res = seeOther(`/meetings/${opened.meetingId}`);
      res.cookies.set(sessionCookieName(secure), opened.sessionToken, sessionCookieOptions(secure, opened.sessionExpiresAt));
      return res;
    } catch (e) {
      // Whatever went wrong, the person gets the page that says so (never a JSON error).
      return seeOther(`/join/invalid?reason=${joinFailure(e)}`);
    }
  },
);
