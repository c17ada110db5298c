import { createHash } from "node:crypto";
import { canonicalBytes } from "./canonical-json";

/**
 * SHA-256 as lowercase hex. One spelling everywhere (database, PDF, bundle, events) so a
 * fingerprint can be compared as a plain string, read aloud and printed.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The fingerprint of a value: SHA-256 of its RFC 8785 canonical bytes. */
export function fingerprint(value: unknown): string {
  return sha256Hex(canonicalBytes(value));
}

/** Lowercase 64-hex-digit SHA-256, as `sha256Hex` writes it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(v: unknown): v is string {
  return typeof v === "string" && SHA256_HEX.test(v);
}
