import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/app/_server/auth";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/auth-method";
import { publicUrl } from "@/lib/env";

/**
 * Auth.js's own endpoints (callbacks, CSRF, session, OIDC sign-in, sign-out). Its e-mail sign-in
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

/**
 * Auth.js builds its redirects, callback URLs and the sign-in e-mail's link from the request's URL.
 * That URL is always the public one (PUBLIC_URL, or the listen address of the demo), never the
 * request's Host or X-Forwarded-Host, which whoever sends the request chooses (issue 12.1). The
 * server sets AUTH_URL from PUBLIC_URL at start, and next-auth rebases every request on it; without
 * it (a handler called on its own) we rebase here. A plain Request, because a NextRequest would
 * rebuild its URL from the Host header; Auth.js reads only `url`, headers and body.
 */
async function atPublicUrl(req: NextRequest): Promise<NextRequest> {
  if (process.env.AUTH_URL) return req;
  const url = new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, `${publicUrl()}/`);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.text();
  return new Request(url, { method: req.method, headers: req.headers, body }) as unknown as NextRequest;
}

export async function GET(req: NextRequest) {
  return noReferrer(await handlers.GET(await atPublicUrl(req)));
}

export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith(`/signin/${EMAIL_PROVIDER_ID}`)) {
    return NextResponse.json({ error: "NOT_FOUND", message: "Ask for a sign-in link on /signin." }, { status: 404 });
  }
  return noReferrer(await handlers.POST(await atPublicUrl(req)));
}
