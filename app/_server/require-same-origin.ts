import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { checkMutationOrigin } from "@/lib/web-security/origin-policy";
import { isSecureRequest } from "./session";

/**
 * The first line of every mutating route handler (POST/PUT/PATCH/DELETE):
 *
 *   export async function POST(req: Request) {
 *     try {
 *       requireSameOrigin(req);          // ← before reading the session or the body
 *       const me = …; const input = Z….parse(…); …
 *     } catch (e) { return errorResponse(e); }
 *   }
 *
 * Throws FORBIDDEN (→ 403 through errorResponse) for `Origin: null`, a foreign Origin, or no Origin
 * on a request that carries cookies. proxy.ts applies the same rule to every request as a backstop
 * (it also covers Server Actions); this keeps each handler safe on its own, e.g. in a test that
 * calls it directly or if the proxy's matcher ever changes. Rules: lib/web-security/origin-policy.ts.
 */
export function requireSameOrigin(req: Request): void {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  const verdict = checkMutationOrigin({
    method: req.method,
    origin: req.headers.get("origin"),
    secFetchSite: req.headers.get("sec-fetch-site"),
    hasCookie: req.headers.has("cookie"),
    requestOrigin: `${isSecureRequest(req) ? "https" : "http"}://${host}`,
    publicUrl: env().PUBLIC_URL ?? null,
  });
  if (!verdict.ok) {
    console.warn(`[security] refused ${req.method} ${new URL(req.url).pathname}: ${verdict.reason}`);
    throw new AppError("FORBIDDEN", "This request did not come from Stepwise's own pages.");
  }
}
