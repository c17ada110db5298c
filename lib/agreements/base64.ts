/**
 * Strict base64 decoding. Node's Buffer.from(s, "base64") skips characters it does not know and
 * ignores trailing bits, so two different strings can decode to the same bytes; in a bundle that
 * would be an undetected edit. We accept a string only if re-encoding its bytes gives it back.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Standard base64 with padding (RFC 4648 §4), or undefined if `s` is not exactly that. */
export function decodeBase64(s: string): Uint8Array | undefined {
  if (!BASE64.test(s)) return undefined;
  const bytes = Buffer.from(s, "base64");
  return bytes.toString("base64") === s ? new Uint8Array(bytes) : undefined;
}

/** Unpadded base64url (RFC 4648 §5), or undefined if `s` is not exactly that. */
export function decodeBase64url(s: string): Uint8Array | undefined {
  if (!BASE64URL.test(s) || s.length % 4 === 1) return undefined;
  const bytes = Buffer.from(s, "base64url");
  return bytes.toString("base64url") === s ? new Uint8Array(bytes) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
