import { NextResponse } from "next/server";
import { z } from "zod";
import { decideJoin } from "@/lib/access/decide-join";
import { openJoinLink } from "@/lib/access/open-join-link";
import { PENDING_JOIN_COOKIE_NAMES, sessionCookieName, sessionCookieOptions } from "@/lib/access/session-cookie";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { isSecureRequest } from "@/app/_server/session";
import { sessionOf } from "@/app/api/agreements/_edge";
import { joinFailure } from "../join-failure";

const ZChoice = z.enum(["keep", "switch"]);

function cookie(req: Request, names: readonly string[]): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && names.includes(part.slice(0, i).trim())) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** 303 to `location`, forgetting the waiting link whatever was chosen. */
function seeOther(location: string): NextResponse {
  const res = new NextResponse(null, { status: 303, headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
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
export async function POST(req: Request) {
  try {
    requireSameOrigin(req);
    const form = await req.formData().catch(() => null);
    const choice = ZChoice.safeParse(form?.get("choice"));
    const pending = cookie(req, PENDING_JOIN_COOKIE_NAMES);
    if (!pending) return seeOther("/");
    if (!choice.success || choice.data === "keep") {
      const decision = await decideJoin({ token: pending, sessionToken: sessionOf(req) });
      return seeOther(decision.kind === "ask" && decision.keepMeetingId ? `/meetings/${decision.keepMeetingId}` : "/");
    }
    try {
      const opened = await openJoinLink({
        token: pending,
        ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        userAgent: req.headers.get("user-agent"),
      });
      const secure = isSecureRequest(req);
      const res = seeOther(`/meetings/${opened.meetingId}`);
      res.cookies.set(sessionCookieName(secure), opened.sessionToken, sessionCookieOptions(secure, opened.sessionExpiresAt));
      return res;
    } catch (e) {
      return seeOther(`/join/invalid?reason=${joinFailure(e)}`);
    }
  } catch (e) {
    return errorResponse(e);
  }
}
