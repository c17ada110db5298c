import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_server/error-response";
import { route } from "@/app/_server/route-handler";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import type { AppError } from "@/lib/errors";
import { clientIpOf } from "@/lib/web-security/forwarded-headers";

const isJson = (req: Request) => (req.headers.get("content-type") ?? "").includes("application/json");

/** The fields of a JSON body or a plain form post; lib validates them (requestSignInLink). */
async function readFields(req: Request): Promise<Record<string, unknown>> {
  if (isJson(req)) {
    const body = (await req.json().catch(() => null)) as unknown;
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  }
  const form = await req.formData().catch(() => null);
  return form ? Object.fromEntries(form) : {};
}

/** A relative Location: the browser resolves it against the address it used (Next's req.url says localhost). */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** A plain form post gets the sign-in page again with the reason; JSON gets the error, with Retry-After when limited. */
function answerError(e: AppError, req: Request): Response | null {
  if (!isJson(req) && (e.code === "RATE_LIMITED" || e.code === "INVALID_INPUT")) {
    return seeOther(`/signin?error=${e.code === "RATE_LIMITED" ? "rate_limited" : "invalid_email"}`);
  }
  if (e.code !== "RATE_LIMITED") return null;
  const res = errorResponse(e);
  res.headers.set("Retry-After", String(3600 - Math.floor((Date.now() / 1000) % 3600)));
  return res;
}

/**
 * POST /api/auth/email-link {email, callbackUrl?} → 202 for every well-formed address, known or
 * not (a link is sent only to provisioned staff); 400 for no address; 429 over the hourly limit.
 * A plain form post (no JavaScript) gets 303 to the same pages instead. The answer is the same
 * byte for byte (status, headers, body) whether the address is known or not: no cookie is set
 * for either (issue 12.9), and the link in the mail is built on the public URL, never on this
 * request's Host (issue 12.1).
 */
export const POST = route(
  { auth: "none", status: 202, answerError, caseData: { none: "asks for a sign-in link; the same answer for every address" } },
  async ({ request }) => {
    const fields = await readFields(request);
    const redirectTo = safeReturnPath(fields.callbackUrl);
    await requestSignInLink({
      email: fields.email,
      ip: clientIpOf(request.headers),
      send: (email) => sendSignInLink({ email, returnTo: redirectTo, requestHeaders: request.headers }),
    });
    return isJson(request) ? { ok: true } : seeOther("/signin/check-email");
  },
);
