import { Auth } from "@auth/core";
import { publicUrl } from "../env";
import { buildAuthConfig } from "./auth-config";

/**
 * One request to Auth.js's own endpoints (callbacks, CSRF, session, OIDC sign-in, sign-out),
 * answered on the public URL. Auth.js builds its redirects and callback URLs from the URL of the
 * request it is handed; that URL is rebuilt here on PUBLIC_URL (or the demo's listen address) —
 * never on the request's Host or X-Forwarded-Host, which the sender chooses (issue 12.1).
 *
 * Not next-auth's `handlers`: they rebase on AUTH_URL with `new NextRequest(url, req)`, which in
 * Next 16 keeps `req`'s URL (Next's own "localhost") and drops the one given.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  const incoming = new URL(req.url);
  const url = new URL(`${incoming.pathname}${incoming.search}`, `${publicUrl()}/`);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
  const atPublicUrl = new Request(url, { method: req.method, headers: req.headers, body });
  return Auth(atPublicUrl, await buildAuthConfig({ requestPath: url.pathname }));
}
