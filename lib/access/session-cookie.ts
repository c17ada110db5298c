/**
 * The participant session cookie. `__Host-` (Secure, path /, no Domain) when served over HTTPS;
 * plain name on http://localhost, where browsers refuse Secure cookies from http origins.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-stepwise.session" : "stepwise.session";
}

export const SESSION_COOKIE_NAMES = ["__Host-stepwise.session", "stepwise.session"] as const;

export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return {
    httpOnly: true,
    secure,
    sameSite: "lax" as const,
    path: "/",
    expires: expiresAt,
  };
}
