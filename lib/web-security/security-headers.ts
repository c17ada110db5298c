/**
 * The security headers of every response the app renders (set by proxy.ts). One policy for all
 * pages and API responses, so there is nothing to forget on a new route:
 *
 * - a Content-Security-Policy whose scripts run only with this response's nonce ('strict-dynamic'
 *   lets Next's nonce'd bootstrap load its own chunks; API answers run none), no plugins, no <base>, no remote sources,
 *   and framing refused except for the shared-screen view, which only FRAME_ANCESTORS may frame;
 * - HSTS in production over HTTPS; nosniff;
 * - Referrer-Policy `strict-origin-when-cross-origin`: another site sees at most our origin, never a
 *   path (meeting ids); routes whose URL can hold a token (join links, sign-in callbacks) send no
 *   referrer at all. Not `no-referrer` everywhere: under it browsers send `Origin: null` on a
 *   plain same-origin form POST (Fetch, "append a request Origin header"), which the Origin check
 *   must refuse — every form without JavaScript would break;
 * - `Cache-Control: no-store`: every page and API answer can hold a person's case data.
 *
 * Styles allow inline: React renders `style` attributes (presence colours) and Tiptap injects its
 * editor stylesheet at run time, neither with a nonce. Injected CSS can restyle a page but cannot
 * run code or reach the network beyond 'self' (img-src, font-src and connect-src stay closed).
 */
export type SecurityHeaderInput = {
  pathname: string;
  /** This response's script nonce; null for API answers, which run no script (see scriptNonceNeeded). */
  nonce: string | null;
  /** Next dev mode: React needs eval for its error overlay and stack traces. */
  dev: boolean;
  /** NODE_ENV is production (HSTS only then). */
  production: boolean;
  /** This request came over HTTPS (directly or through a proxy that says so). */
  secure: boolean;
  /** PUBLIC_URL is https: the deployment is HTTPS even if this hop was not (HSTS). */
  publicHttps?: boolean;
  /** The request's Host, for the collaboration WebSocket's origin in connect-src. */
  host: string | null;
  /** Origins allowed to frame the shared-screen view (FRAME_ANCESTORS); none by default. */
  frameAncestors: readonly string[];
  /** Extra origins forms may post to (an identity provider reached by a form), none by default. */
  formActionOrigins?: readonly string[];
};

/** `/meetings/<id>/present`, the view put on a shared screen (possibly inside a kiosk frame). */
const PRESENT_PATH = /^\/meetings\/[^/]+\/present\/?$/;

/** Routes whose URL may carry a token: join links and Auth.js (the e-mail link's callback). */
const TOKEN_PATHS = /^\/(join|api\/auth)(\/|$)/;

/**
 * The "continue as …?" page (issue 12.11) holds no token in its address, and its form must post
 * with our Origin (no-referrer would make the browser send `Origin: null`, which is refused).
 */
const TOKENLESS_JOIN_PAGE = /^\/join\/confirm\/?$/;

export function referrerPolicy(pathname: string): "no-referrer" | "strict-origin-when-cross-origin" {
  return TOKEN_PATHS.test(pathname) && !TOKENLESS_JOIN_PAGE.test(pathname) ? "no-referrer" : "strict-origin-when-cross-origin";
}

/** Route handlers' answers (JSON, PDF, calendars, redirects): never a page that runs a script. */
const API_PATHS = /^\/(api|\.well-known)(\/|$)/;

/**
 * Only pages get a nonce. An API answer runs no script, so it gets `script-src 'none'` and no
 * per-response random value: two answers that should be the same are then the same byte for byte
 * (the sign-in link's answer must not differ between a known and an unknown address, issue 12.9).
 */
export function scriptNonceNeeded(pathname: string): boolean {
  return !API_PATHS.test(pathname);
}

export function isFramablePath(pathname: string): boolean {
  return PRESENT_PATH.test(pathname);
}

export function contentSecurityPolicy(input: SecurityHeaderInput): string {
  const ws = input.host ? `${input.secure ? "wss" : "ws"}://${input.host}` : null;
  const ancestors = isFramablePath(input.pathname) && input.frameAncestors.length > 0 ? input.frameAncestors.join(" ") : "'none'";
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    input.nonce === null
      ? ["script-src", "'none'"]
      : ["script-src", "'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'", ...(input.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // 'self' covers ws(s) to the same host in current Chromium and Firefox (CSP3), but not in
    // older Safari: name the socket's origin explicitly.
    ["connect-src", "'self'", ...(ws ? [ws] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...(input.formActionOrigins ?? [])],
    ["frame-ancestors", ancestors],
    ...(input.secure ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": referrerPolicy(input.pathname),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cache-Control": "no-store",
  };
  // Older browsers ignore frame-ancestors; X-Frame-Options cannot name a list, so the
  // framable view relies on CSP alone.
  if (!isFramablePath(input.pathname)) headers["X-Frame-Options"] = "DENY";
  if (input.production && (input.secure || input.publicHttps)) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** 128 random bits, base64: a fresh nonce per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** FRAME_ANCESTORS as a list of origins (space-separated); anything that is not an origin is dropped. */
export function parseOriginList(raw: string | undefined | null): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(/\s+/)) {
    if (!part) continue;
    try {
      const u = new URL(part);
      if ((u.protocol === "https:" || u.protocol === "http:") && u.origin !== "null") out.push(u.origin);
    } catch {
      // Not an origin: dropped rather than let a typo widen the policy (e.g. "*").
    }
  }
  return out;
}
