import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/app/_server/auth";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/auth-method";

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
 * Auth.js judges redirects and cookies by the request's origin. Behind our custom server Next
 * builds that URL from the hostname it was started with ("localhost"), not the address the
 * browser used, so a caseworker on http://127.0.0.1:3000 or a LAN address would be sent to
 * localhost and lose the cookie. We trust the Host (and a proxy's X-Forwarded-*) as `trustHost`
 * says; AUTH_URL, when set, wins (next-auth applies it).
 */
async function atRequestedHost(req: NextRequest): Promise<NextRequest> {
  if (process.env.AUTH_URL) return req;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  if (!host) return req;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.nextUrl.protocol.replace(/:$/, "");
  const url = new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, `${proto === "https" ? "https" : "http"}://${host}`);
  if (url.origin === req.nextUrl.origin) return req;
  // A plain Request: NextRequest would rebuild the URL from Next's own hostname again. Auth.js
  // reads only `url`, headers and body; next-auth reads `nextUrl` only when AUTH_URL is set.
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.text();
  return new Request(url, { method: req.method, headers: req.headers, body }) as unknown as NextRequest;
}

export async function GET(req: NextRequest) {
  return noReferrer(await handlers.GET(await atRequestedHost(req)));
}

export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith(`/signin/${EMAIL_PROVIDER_ID}`)) {
    return NextResponse.json({ error: "NOT_FOUND", message: "Ask for a sign-in link on /signin." }, { status: 404 });
  }
  return noReferrer(await handlers.POST(await atRequestedHost(req)));
}
