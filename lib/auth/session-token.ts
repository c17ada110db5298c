import { createHash } from "node:crypto";

/**
 * What the database keeps of a staff session token: its SHA-256 (hex). The cookie holds the
 * token; a copy of the table holds nothing that opens a session.
 */
export function storedSessionToken(sessionToken: string): string {
  return createHash("sha256").update(`staff-session.${sessionToken}`, "utf8").digest("hex");
}
