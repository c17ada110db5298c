import { createHash } from "node:crypto";

/**
 * What the database keeps of a staff session token: its SHA-256 (hex). The cookie holds the
 * token; a copy of the table holds nothing that opens a session.
 */
export function storedSessionToken(sessionToken: string): string {
  return createHash("sha256").update(`staff-session.${sessionToken}`, "utf8").digest("hex");
}

/** Auth.js's session cookie: `__Secure-` behind HTTPS, plain on http://localhost. */
export const STAFF_SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
