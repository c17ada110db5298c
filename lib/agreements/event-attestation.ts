import { canonicalBytes } from "./canonical-json";
import { signEd25519, verifyEd25519 } from "./ed25519";
import { decodeBase64url } from "./base64";
import { signingKeyObject, type SigningKey } from "./signing-keys";

/**
 * The server's signature on each event it stores: Ed25519 with the sealing key over the
 * canonical `{ eventHash, kid, purpose: "stepwise-agreement-event" }`. The hash chain alone
 * proves order and integrity, not origin — anyone who may INSERT into agreement_events can
 * compute a correct hash for a forged "signed" event. This signature needs the private key,
 * which lives outside the database (DATA_DIR/signing-keys or SIGNING_KEY), and is checked
 * before sealing and on every read (verify-stored-agreement.ts).
 *
 * The event hash covers its predecessor's hash, and so back to the agreement's fingerprint: one
 * signature binds the event to its place in this agreement. `purpose` keeps it from ever being
 * mistaken for a seal, whose payload has other fields. Why a signature and not an HMAC:
 * docs/decisions.md ("trust-evidence").
 */
export type EventAttestation = { kid: string; signature: string };

export const EVENT_ATTESTATION_PURPOSE = "stepwise-agreement-event";

export function attestationPayload(eventHash: string, kid: string): Uint8Array {
  return canonicalBytes({ eventHash, kid, purpose: EVENT_ATTESTATION_PURPOSE });
}

export function attestEvent(eventHash: string, key: SigningKey): EventAttestation {
  const signature = signEd25519(signingKeyObject(key), attestationPayload(eventHash, key.kid));
  return { kid: key.kid, signature: Buffer.from(signature).toString("base64url") };
}

/** True when `attestation` is the holder of `publicKey`'s signature on this event hash. */
export function verifyAttestation(
  eventHash: string,
  attestation: EventAttestation,
  publicKey: { kid: string; publicKey: string },
): boolean {
  if (attestation.kid !== publicKey.kid) return false;
  const raw = decodeBase64url(publicKey.publicKey);
  const signature = decodeBase64url(attestation.signature);
  if (!raw || raw.length !== 32 || !signature || signature.length !== 64) return false;
  return verifyEd25519(raw, attestationPayload(eventHash, attestation.kid), signature);
}
