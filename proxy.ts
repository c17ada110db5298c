import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isHttpsRequest, requestHostOf, requestOriginOf } from "@/lib/web-security/forwarded-headers";
import { checkMutationOrigin, originOf } from "@/lib/web-security/origin-policy";
import { newNonce, parseOriginList, scriptNonceNeeded, securityHeaders } from "@/lib/web-security/security-headers";

/**
 * Runs before every page, route handler and Server Action (not static files):
 * 1. refuses a mutating request (POST/PUT/PATCH/DELETE) whose Origin is not our own with 403 —
 *    a backstop to `requireSameOrigin` in each handler, which also covers Server Actions;
 * 2. makes a fresh CSP nonce for a page, hands it to Next in the request's CSP header (Next reads it
 *    there and puts it on its own scripts), and sets the security headers on the response.
 * See lib/web-security/ for the policies and docs/decisions.md for why.
 */
export function proxy(request: NextRequest) {
  const e = env();
  const host = requestHostOf(request.headers, request.url);
  const secure = isHttpsRequest(request.headers, request.url);
  const headerInput = {
    pathname: request.nextUrl.pathname,
    nonce: scriptNonceNeeded(request.nextUrl.pathname) ? newNonce() : null,
    dev: e.NODE_ENV === "development",
    production: e.NODE_ENV === "production",
    secure,
    publicHttps: e.PUBLIC_URL?.startsWith("https://") ?? false,
    host,
    frameAncestors: parseOriginList(e.FRAME_ANCESTORS),
    // Staff sign-in through OpenID Connect posts a form that redirects to the identity provider;
    // Chromium applies form-action to that redirect, so the provider's origin must be allowed.
    formActionOrigins: [originOf(e.OIDC_ISSUER)].filter((o): o is string => o !== null),
  };
  const headers = securityHeaders(headerInput);

  const verdict = checkMutationOrigin({
    method: request.method,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    hasCookie: request.headers.has("cookie"),
    requestOrigin: requestOriginOf(request.headers, request.url),
    publicUrl: e.PUBLIC_URL ?? null,
  });
  if (!verdict.ok) {
    // Denials go to the server log only (never the access log).
    console.warn(`[security] refused ${request.method} ${request.nextUrl.pathname}: ${verdict.reason}`);
    const res = NextResponse.json({ error: "FORBIDDEN", message: "This request did not come from Stepwise's own pages." }, { status: 403 });
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }

  const requestHeaders = new Headers(request.headers);
  if (headerInput.nonce) {
    requestHeaders.set("x-nonce", headerInput.nonce);
    requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: [
    // Everything except Next's static build output and the favicon: pages, RSC requests,
    // route handlers and Server Actions all get the headers and the Origin check.
    "/((?!_next/static|_next/image|favicon.ico).*)",
  ],
};
