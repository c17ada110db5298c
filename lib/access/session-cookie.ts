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

/**
 * A join link waiting for "continue as …?" (decide-join.ts): the token is kept here, on the
 * server's side of the browser (httpOnly, only under /join, ten minutes), so that it is never in
 * an address — not in history, not in a Referer — while the person decides. `__Secure-` over
 * HTTPS (`__Host-` would need path /). Lax, like the session: the link is usually opened from
 * another site (a mail), and the page that asks must still see it after the redirect.
 */
export function pendingJoinCookieName(secure: boolean): string {
  return secure ? "__Secure-stepwise.pending-join" : "stepwise.pending-join";
}

export const PENDING_JOIN_COOKIE_NAMES = ["__Secure-stepwise.pending-join", "stepwise.pending-join"] as const;

export const PENDING_JOIN_SECONDS = 600;

export function pendingJoinCookieOptions(secure: boolean) {
  return { httpOnly: true, secure, sameSite: "lax" as const, path: "/join", maxAge: PENDING_JOIN_SECONDS };
}
