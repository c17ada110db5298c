import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { checkMutationOrigin } from "@/lib/web-security/origin-policy";
import { requestOriginOf } from "@/lib/web-security/forwarded-headers";

type HeaderSource = { get(name: string): string | null; has(name: string): boolean };

/**
 * The origin (CSRF) check of every state-changing request, run by the edge wrappers (route-handler.ts
 * for POST/PUT/PATCH/DELETE, action.ts for every server action) before the session or the body
 * is read. Throws FORBIDDEN (→ 403) for `Origin: null`, a foreign Origin, or no Origin on a
 * request that carries cookies. proxy.ts applies the same rule to every request as a backstop;
 * this keeps each edge safe on its own, e.g. in a test that calls it directly or if the proxy's
 * matcher ever changes. Rules: lib/web-security/origin-policy.ts.
 */
export function requireSameOrigin(req: Request): void {
  requireSameOriginOf({ method: req.method, headers: req.headers, url: req.url });
}

export function requireSameOriginOf(input: { method: string; headers: HeaderSource; url: string }): void {
  const { method, headers, url } = input;
  const verdict = checkMutationOrigin({
    method,
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    hasCookie: headers.has("cookie"),
    requestOrigin: requestOriginOf(headers, url),
    publicUrl: env().PUBLIC_URL ?? null,
  });
  if (!verdict.ok) {
    console.warn(`[security] refused ${method} ${new URL(url).pathname}: ${verdict.reason}`);
    throw new AppError("FORBIDDEN", "This request did not come from Stepwise's own pages.");
  }
}
