import { env } from "../env";
import {
  findPublicKey,
  keyFingerprint,
  loadOrCreateSigningKey,
  publicKeys,
  type PublicKeyRecord,
  type PublishedKeys,
  type SigningKey,
} from "./signing-keys";

/**
 * This server's sealing key: SIGNING_KEY from the environment when set (several instances must
 * share one key), else the key under DATA_DIR/signing-keys, generated on first use.
 */
export function serverSigningKey(): SigningKey {
  const e = env();
  return loadOrCreateSigningKey({ dataDir: e.DATA_DIR, envKey: e.SIGNING_KEY });
}

/**
 * Every key this server has sealed with (the current one created if there is none yet): the keys
 * it trusts. They live in DATA_DIR/signing-keys, outside the database, so nobody who can only
 * write rows can add one.
 */
export function serverPublicKeys(): PublishedKeys {
  serverSigningKey();
  return publicKeys(env().DATA_DIR);
}

/** One of this server's keys by id (for checking an event's or a seal's signature). */
export function serverPublicKey(kid: string): PublicKeyRecord | undefined {
  return findPublicKey(env().DATA_DIR, kid);
}

export type TrustedKeyFingerprint = {
  kid: string;
  /** SHA-256 hex of the raw public key (64 digits); `grouped` is the same in groups of 4 for reading aloud. */
  fingerprint: string;
  grouped: string;
  /** The key that seals new agreements now. */
  current: boolean;
  createdAt: string;
};

/**
 * The fingerprints of the keys this organisation's server trusts, for the PDF's "how to check"
 * text: a reader compares the fingerprint `npm run verify` or /verify prints with these (and with
 * /.well-known/stepwise-keys.json). Pass `kid` for the one key that sealed a given agreement.
 */
export function trustedKeyFingerprints(kid?: string): TrustedKeyFingerprint[] {
  return serverPublicKeys()
    .keys.filter((k) => kid === undefined || k.kid === kid)
    .map((k) => {
      const fingerprint = keyFingerprint(k.publicKey);
      return { kid: k.kid, fingerprint, grouped: fingerprint.match(/.{1,4}/g)!.join(" "), current: k.current, createdAt: k.createdAt };
    });
}

/**
 * The body of `/.well-known/stepwise-keys.json`: every key this server trusts, with its
 * fingerprint spelled out, so a person can compare it with the one on an agreement's PDF and in
 * the answer of `npm run verify` or /verify without computing anything.
 */
export function publishedKeys(): { keys: (PublicKeyRecord & { fingerprint: string })[] } {
  return { keys: serverPublicKeys().keys.map((k) => ({ ...k, fingerprint: keyFingerprint(k.publicKey) })) };
}
