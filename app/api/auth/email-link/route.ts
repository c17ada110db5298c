import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_server/error-response";
import { requireSameOrigin } from "@/app/_server/require-same-origin";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { isAppError } from "@/lib/errors";

/** The first address in X-Forwarded-For (our proxy's view of the client), else X-Real-IP. */
function clientIp(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}

async function readBody(req: Request): Promise<{ json: boolean; body: Record<string, unknown> }> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await req.json().catch(() => null)) as unknown;
    return { json: true, body: body && typeof body === "object" ? (body as Record<string, unknown>) : {} };
  }
  const form = await req.formData().catch(() => null);
  return { json: false, body: form ? Object.fromEntries(form) : {} };
}

/** A relative Location: the browser resolves it against the address it used (Next's req.url says localhost). */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

/**
 * POST /api/auth/email-link {email, callbackUrl?} → 202 for every well-formed address, known or
 * not (a link is sent only to provisioned staff); 400 for no address; 429 over the hourly limit.
 * A plain form post (no JavaScript) gets 303 to the same pages instead. The answer is the same
 * byte for byte (status, headers, body) whether the address is known or not: no cookie is set
 * for either (issue 12.9), and the link in the mail is built on the public URL, never on this
 * request's Host (issue 12.1).
 */
export async function POST(req: Request) {
  let json = true;
  try {
    requireSameOrigin(req);
    const read = await readBody(req);
    json = read.json;
    const redirectTo = safeReturnPath(read.body.callbackUrl);
    await requestSignInLink({
      email: read.body.email,
      ip: clientIp(req),
      send: (email) => sendSignInLink({ email, returnTo: redirectTo, requestHeaders: req.headers }),
    });
    if (!json) return seeOther("/signin/check-email");
    return NextResponse.json({ ok: true }, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    const code = isAppError(e) ? e.code : null;
    if (!json && (code === "RATE_LIMITED" || code === "INVALID_INPUT")) {
      return seeOther(`/signin?error=${code === "RATE_LIMITED" ? "rate_limited" : "invalid_email"}`);
    }
    const res = errorResponse(e);
    if (code === "RATE_LIMITED") res.headers.set("Retry-After", String(3600 - Math.floor((Date.now() / 1000) % 3600)));
    return res;
  }
}
