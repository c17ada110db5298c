/**
 * Is this database error one that goes away by itself (the server restarting, the connection
 * lost), so that the same rows should simply be written again later? Everything else — a
 * constraint, a type, a permission — is a refusal of those rows and fails their room.
 *
 * postgres.js reports a lost or refused connection with its own codes or Node's errno codes, and
 * a server that is shutting down or starting with SQLSTATE class 08 (connection exception),
 * 57P01–57P03 (admin/crash shutdown, cannot connect now) or 53300 (too many connections).
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

export function isTransientDbError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") {
      if (CONNECTION_CODES.has(code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300") return true;
    }
    // drizzle wraps the driver's error as `cause`.
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
