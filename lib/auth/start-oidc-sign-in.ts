import { Auth, skipCSRFCheck } from "@auth/core";
import { AppError } from "../errors";
import { publicUrl } from "../env";
import { buildAuthConfig } from "./auth-config";
import { safeReturnPath } from "./safe-return-path";
import { findStaffOidcSettings } from "./staff-oidc-settings";

/**
 * Start staff sign-in at an organisation's IdP from a plain link (`GET /api/auth/oidc-start`):
 * Auth.js's own sign-in (it sets the state, PKCE and nonce cookies and answers the redirect to
 * the IdP), asked on the public URL without its CSRF token. A link rather than a form post,
 * because Chromium applies CSP `form-action` to a form's redirect, and the page cannot name every
 * organisation's IdP there. Skipping the CSRF token here lets another site start a sign-in for
 * someone — which only takes them to their IdP; finishing one still needs this browser's state
 * and PKCE verifier, so no one can be signed in as someone else.
 */
export async function startOidcSignIn(input: { providerId: unknown; callbackUrl: unknown }): Promise<Response> {
  const providerId = typeof input.providerId === "string" ? input.providerId : null;
  const settings = await findStaffOidcSettings(providerId);
  if (!settings) throw new AppError("NOT_FOUND", "No such sign-in");
  const path = `/api/auth/signin/${settings.providerId}`;
  const req = new Request(`${publicUrl()}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ callbackUrl: safeReturnPath(input.callbackUrl) }),
  });
  return Auth(req, { ...(await buildAuthConfig({ requestPath: path })), skipCSRFCheck });
}
