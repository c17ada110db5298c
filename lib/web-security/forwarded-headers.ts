/**
 * The one reader of the forwarding headers a proxy sets (X-Forwarded-For / -Proto / -Host,
 * X-Real-IP). They can be trusted only because server/start.ts strips or overwrites them unless
 * TRUST_PROXY=1 (server/forwarded-headers.ts); what they say is recorded "as reported".
 * Links are never built from them: every link is built on the public URL (lib/system/public-url.ts).
 */
type HeaderSource = { get(name: string): string | null };

/** The client's address: the first X-Forwarded-For hop, else X-Real-IP, else unknown (null). */
export function clientIpOf(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || null)?.slice(0, 100) ?? null;
}

/** Whether the request reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttpsRequest(headers: HeaderSource, url: string): boolean {
  const proto = headers.get("x-forwarded-proto");
  if (proto) return proto.split(",")[0]!.trim() === "https";
  return new URL(url).protocol === "https:";
}

/** The host the request was sent to, as the proxy (X-Forwarded-Host) or the Host header says. */
export function requestHostOf(headers: HeaderSource, url: string): string {
  return headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(url).host;
}

/** The origin the request was sent to (`https://host`): compared with Origin, never used to build a link. */
export function requestOriginOf(headers: HeaderSource, url: string): string {
  return `${isHttpsRequest(headers, url) ? "https" : "http"}://${requestHostOf(headers, url)}`;
}
