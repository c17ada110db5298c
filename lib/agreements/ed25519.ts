import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * Ed25519 over raw bytes with node:crypto, plus the checks RFC 8032 asks of a verifier that
 * OpenSSL does implicitly: a signature is exactly 64 bytes and its scalar S is below the group
 * order L (§5.1.7 step 1, §8.4). Without the S < L check a valid signature has a second
 * spelling (S + L) that also verifies — harmless for authenticity, but it would let anyone make
 * "a different signature" for the same seal, so we refuse it ourselves rather than trust that
 * every OpenSSL build does.
 */

/** The order of the Ed25519 base point: L = 2^252 + 27742317777372353535851937790883648493. */
export const ED25519_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;

export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410 §7). */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** A public KeyObject from the raw 32-byte key (RFC 8032 encoding), via JWK (RFC 8037). */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) throw new Error(`An Ed25519 public key is 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

/** A private KeyObject from the raw 32-byte seed (the RFC 8032 "secret key"). */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error(`An Ed25519 seed is 32 bytes, not ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
}

/** The raw 32-byte public key of an Ed25519 KeyObject (public or private). */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  assertEd25519(pub);
  const { x } = pub.export({ format: "jwk" });
  if (typeof x !== "string") throw new Error("Ed25519 key has no x coordinate");
  return new Uint8Array(Buffer.from(x, "base64url"));
}

/** Signs `message` (Ed25519 is pure: no pre-hash, so the algorithm argument is null). */
export function signEd25519(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  assertEd25519(privateKey);
  return new Uint8Array(sign(null, message, privateKey));
}

/**
 * True only for a well-formed signature by `publicKey` over `message`. Never throws on bad
 * input: a verifier answers yes or no, and malformed keys or signatures are a "no".
 */
export function verifyEd25519(publicKey: Uint8Array | KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  if (!hasCanonicalScalar(signature)) return false;
  try {
    const key = publicKey instanceof Uint8Array ? publicKeyFromRaw(publicKey) : publicKey;
    if (key.asymmetricKeyType !== "ed25519") return false;
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** S (the last 32 bytes, little-endian) is below L. RFC 8032 §5.1.7: reject otherwise. */
export function hasCanonicalScalar(signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  let s = 0n;
  for (let i = ED25519_SIGNATURE_BYTES - 1; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
  return s < ED25519_ORDER;
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`Expected an Ed25519 key, got ${key.asymmetricKeyType ?? "a secret key"}`);
}
