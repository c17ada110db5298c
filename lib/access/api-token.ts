import { hashToken, newToken } from "./tokens";

/**
 * An organisation's API token: `stw_` and 256 random bits (base64url). The prefix lets a secret
 * scanner recognise a leaked one; the database keeps only the SHA-256 (`hashToken`), so a copy
 * of it opens nothing.
 */
export const API_TOKEN_PREFIX = "stw_";

export function newApiToken(): { token: string; tokenHash: Uint8Array } {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return { token, tokenHash: hashToken(token) };
}

/** Anything not shaped like one of our tokens is refused before the database is asked. */
export function looksLikeApiToken(v: unknown): v is string {
  return typeof v === "string" && /^stw_[A-Za-z0-9_-]{43}$/.test(v);
}
