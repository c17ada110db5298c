/**
 * Origin policies. Browsers attach ambient credentials (our session cookies) to cross-site
 * requests, so any request that changes something must prove it comes from our own pages. The
 * `Origin` header is that proof: browsers set it on every POST/PUT/PATCH/DELETE and on every
 * WebSocket handshake, and a page cannot forge it.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict =
  | { ok: true }
  | { ok: false; reason: "null_origin" | "cross_origin" | "malformed_origin" | "cross_site_fetch" | "missing_origin_with_cookie" };

/** `https://host:port` of a URL, or null when it is not a URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * May this HTTP request change something? Safe methods always may (they must not change anything).
 * For the others:
 * - `Origin: null` (sandboxed frames, some redirects, file: pages) is refused: it names no origin
 *   we could trust (Next's own Server Action check once let it through, GHSA-mq59-m269-xvcx);
 * - any other Origin must be this server's own: the request's scheme + host, or PUBLIC_URL's;
 * - no Origin at all: refused when the browser says the request is cross-site (Sec-Fetch-Site),
 *   or when it carries cookies (a browser would have sent an Origin; a cookie without one is
 *   someone replaying credentials). Without cookies there is no ambient authority to abuse, so
 *   scripts and health checks (curl) pass — they still need whatever credential the route asks.
 */
export function checkMutationOrigin(input: {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  hasCookie: boolean;
  /** This request's own origin, e.g. "http://localhost:3000" (scheme from X-Forwarded-Proto, host from Host). */
  requestOrigin: string | null;
  /** PUBLIC_URL, when set. */
  publicUrl?: string | null;
}): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  const origin = input.origin?.trim() ?? null;
  if (origin === null || origin === "") {
    const site = input.secFetchSite?.toLowerCase();
    if (site && site !== "same-origin" && site !== "none") return { ok: false, reason: "cross_site_fetch" };
    return input.hasCookie ? { ok: false, reason: "missing_origin_with_cookie" } : { ok: true };
  }
  if (origin.toLowerCase() === "null") return { ok: false, reason: "null_origin" };
  const given = originOf(origin);
  if (!given) return { ok: false, reason: "malformed_origin" };
  const own = [originOf(input.requestOrigin), originOf(input.publicUrl)].filter((o): o is string => o !== null);
  return own.includes(given) ? { ok: true } : { ok: false, reason: "cross_origin" };
}

/**
 * May a WebSocket handshake with this Origin reach the collaboration server? (For the socket
 * server's upgrade path: call it before `handleUpgrade`, close 4403 — or answer 403 — when false.)
 *
 * - Same host (`Origin`'s host equals the request's `Host`), PUBLIC_URL's origin, or one of
 *   `extraOrigins`: allowed.
 * - `null` and any foreign or malformed Origin: refused. Browsers always send Origin on a
 *   WebSocket handshake and WebSockets are not bound by CORS, so this is the only thing that
 *   stops evil.example from opening a socket with the visitor's cookies (cross-site WebSocket
 *   hijacking).
 * - No Origin at all: allowed. Only non-browser clients omit it (a stock y-websocket client in
 *   Node, a script, a test), and they cannot borrow anyone's cookies: our sockets are authorised
 *   by the `ticket` in the URL alone, which only a signed-in participant can obtain from the
 *   ticket endpoint (itself same-origin and cookie-authenticated), is bound to one document and
 *   one participant, and expires within minutes. Refusing them would add no protection and break
 *   the documented outside-tool integration.
 */
export function isAllowedSocketOrigin(
  origin: string | null | undefined,
  host: string | null | undefined,
  opts: { publicUrl?: string | null; extraOrigins?: readonly string[] } = {},
): boolean {
  if (origin === undefined || origin === null || origin === "") return true;
  if (origin.trim().toLowerCase() === "null") return false;
  const given = originOf(origin.trim());
  if (!given) return false;
  if (host && sameHost(given, host)) return true;
  const allowed = [originOf(opts.publicUrl), ...(opts.extraOrigins ?? []).map(originOf)].filter((o): o is string => o !== null);
  return allowed.includes(given);
}

/** Does `origin`'s host equal a Host header (with the origin's scheme deciding the default port)? */
function sameHost(origin: string, host: string): boolean {
  const u = new URL(origin);
  try {
    return new URL(`${u.protocol}//${host.trim()}`).host === u.host;
  } catch {
    return false;
  }
}
