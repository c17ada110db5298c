import { NextResponse } from "next/server";
import { z } from "zod";
import { decideJoin } from "@/lib/access/decide-join";
import { openJoinLink } from "@/lib/access/open-join-link";
import { PENDING_JOIN_COOKIE_NAMES, sessionCookieName, sessionCookieOptions } from "@/lib/access/session-cookie";
import { route } from "@/app/_server/route-handler";
import { participantSessionToken } from "@/app/_server/credentials";
import { cookieOf } from "@/app/_server/request";
import { clientIpOf, isHttpsRequest } from "@/lib/web-security/forwarded-headers";
import { joinFailure } from "../join-failure";

const ZChoice = z.enum(["keep", "switch"]);

/** 303 to `location`, forgetting the waiting link whatever was chosen. */
function seeOther(location: string): NextResponse {
  const res = new NextResponse(null, {
    status: 303,
    headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
  });
  for (const name of PENDING_JOIN_COOKIE_NAMES) {
    res.cookies.set(name, "", { path: "/join", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return res;
}

/**
 * POST /join/decide (the form on /join/confirm) choice=keep|switch. `keep`: this browser stays
 * who it is, back to its meeting; the link is not used (a link opened by mistake is not spent).
 * `switch`: the waiting link is opened as /join/<token> would, replacing the session. Either way
 * the waiting token is forgotten. Same-origin only: a foreign page must not answer for the person.
 */
export const POST = route(
  { auth: "none", caseData: { none: "keeps or switches this browser's session and redirects" } },
  async ({ request: req }) => {
    const form = await req.formData().catch(() => null);
    const choice = ZChoice.safeParse(form?.get("choice"));
    const pending = cookieOf(req, PENDING_JOIN_COOKIE_NAMES);
    if (!pending) return seeOther("/");
    if (!choice.success || choice.data === "keep") {
      const decision = await decideJoin({ token: pending, sessionToken: await participantSessionToken(req) });
      return seeOther(decision.kind === "ask" && decision.keepMeetingId ? `/meetings/${decision.keepMeetingId}` : "/");
    }
    try {
      const opened = await openJoinLink({
        token: pending,
        ip: clientIpOf(req.headers),
        userAgent: req.headers.get("user-agent"),
      });
      const secure = isHttpsRequest(req.headers, req.url);
      const res = seeOther(`/meetings/${opened.meetingId}`);
      res.cookies.set(sessionCookieName(secure), opened.sessionToken, sessionCookieOptions(secure, opened.sessionExpiresAt));
      return res;
    } catch (e) {
      return seeOther(`/join/invalid?reason=${joinFailure(e)}`);
    }
  },
);
