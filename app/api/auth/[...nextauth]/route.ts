import { NextResponse } from "next/server";
import { route } from "@/app/_server/route-handler";
import { EMAIL_PROVIDER_ID } from "@/lib/access/auth-method";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

/**
 * Auth.js's own endpoints (callbacks, CSRF, session, OIDC sign-in, sign-out), answered on the
 * public URL whatever Host the request names (lib/auth/handle-auth-request.ts). Its e-mail sign-in
 * endpoint is closed: links are requested only through POST /api/auth/email-link, which is
 * rate-limited and answers the same for every address. No page here may leak a URL with a token
 * onward, hence no-referrer on every answer.
 */
function noReferrer(res: Response): Response {
  // Auth.js answers some redirects with Response.redirect(), whose headers are immutable.
  const headers = new Headers(res.headers);
  headers.set("Referrer-Policy", "no-referrer");
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

const AUTH_JS = {
  auth: "none",
  params: ["nextauth"],
  caseData: { none: "staff sign-in (Auth.js): sessions, callbacks and redirects" },
} as const;

export const GET = route(AUTH_JS, async ({ request }) => noReferrer(await handleAuthRequest(request)));

export const POST = route(AUTH_JS, async ({ request }) => {
  if (new URL(request.url).pathname.endsWith(`/signin/${EMAIL_PROVIDER_ID}`)) {
    return NextResponse.json({ error: "NOT_FOUND", message: "Ask for a sign-in link on /signin." }, { status: 404 });
  }
  return noReferrer(await handleAuthRequest(request));
});
