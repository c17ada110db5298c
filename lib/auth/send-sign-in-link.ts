import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { publicUrl } from "../env";
import { LOCALE_COOKIE } from "../i18n/locales";
import { localeOfRequest } from "../mail/mail-text";
import { AUTH_BASE_PATH, buildAuthConfig } from "./auth-config";
import { EMAIL_PROVIDER_ID } from "../access/auth-method";

/**
 * Ask Auth.js to mail a sign-in link to a provisioned staff member (request-sign-in-link.ts decides
 * who is one). next-auth's `signIn()` would build the link on the request's Host and set an
 * `authjs.callback-url` cookie on the answer — for provisioned addresses only, which tells them
 * apart (issue 12.9). So we call Auth.js ourselves, on the public URL, and drop whatever cookies it
 * returns: the link carries its callback URL in its own query string, so nothing is lost.
 */
export async function sendSignInLink(input: { email: string; returnTo: string; requestHeaders?: Headers }): Promise<void> {
  const path = `${AUTH_BASE_PATH}/signin/${EMAIL_PROVIDER_ID}`;
  // Of the request, only the reader's language travels on (the mail is written in it).
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Cookie: `${LOCALE_COOKIE}=${localeOfRequest(input.requestHeaders)}`,
  });
  const req = new Request(`${publicUrl()}${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ email: input.email, callbackUrl: input.returnTo }),
  });
  await Auth(req, { ...(await buildAuthConfig({ requestPath: path })), raw, skipCSRFCheck });
}
