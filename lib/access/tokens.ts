import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, URL-safe. Only its SHA-256 is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(token, "utf8").digest());
}

/** Tokens we issue are exactly 43 base64url characters; anything else is refused unread. */
export function looksLikeToken(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]{43}$/.test(v);
}
