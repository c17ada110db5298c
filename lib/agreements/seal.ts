import { AppError } from "../errors";
import { canonicalBytes } from "./canonical-json";
import { signEd25519, verifyEd25519 } from "./ed25519";
import { appendEvent, verifyChain, type CommittedEvent, type SignatureEvent } from "./event-chain";
import { missingSigners } from "./signers";
import { signingKeyObject, type SigningKey } from "./signing-keys";
import { decodeBase64url } from "./base64";
import { describeProblem, problem, type Problem } from "./verification-problem";

/**
 * The server seal: one Ed25519 signature over the canonical JSON
 * `{ agreementFingerprint, chainHead, kid, sealedAt }`. The fingerprint covers the document, the
 * chain head covers every event (each hash covers its predecessor), and the kid is signed too so
 * a seal cannot be re-attributed to another key.
 */

export type SealPayload = {
  agreementFingerprint: string;
  /** Hash of the last event (the "sealed" event). */
  chainHead: string;
  kid: string;
  sealedAt: string;
};

export type Seal = {
  kid: string;
  sealedAt: string;
  chainHead: string;
  /** 64-byte Ed25519 signature over `sealPayloadBytes`, base64url. */
  signature: string;
};

export type SealVerification = { ok: true } | { ok: false; problem: Problem; why: string };

/** The exact bytes the seal signs. */
export function sealPayloadBytes(payload: SealPayload): Uint8Array {
  const { agreementFingerprint, chainHead, kid, sealedAt } = payload;
  return canonicalBytes({ agreementFingerprint, chainHead, kid, sealedAt });
}

export function createSeal(input: { fingerprint: string; chainHead: string; sealedAt: string; key: SigningKey }): Seal {
  const { fingerprint, chainHead, sealedAt, key } = input;
  const signature = signEd25519(
    signingKeyObject(key),
    sealPayloadBytes({ agreementFingerprint: fingerprint, chainHead, kid: key.kid, sealedAt }),
  );
  return { kid: key.kid, sealedAt, chainHead, signature: Buffer.from(signature).toString("base64url") };
}

/** Checks the seal's signature for this fingerprint with the given public key (raw, base64url). */
export function verifySeal(seal: Seal, fingerprint: string, publicKey: { kid: string; publicKey: string }): SealVerification {
  const fail = (p: Problem): SealVerification => ({ ok: false, problem: p, why: describeProblem(p) });
  if (seal.kid !== publicKey.kid) return fail(problem("sealKidMismatch", { sealKid: seal.kid, kid: publicKey.kid }));
  const raw = decodeBase64url(publicKey.publicKey);
  const signature = decodeBase64url(seal.signature);
  if (!raw || raw.length !== 32) return fail(problem("publicKeyMalformed"));
  if (!signature || signature.length !== 64) return fail(problem("sealSignatureMalformed"));
  const payload = sealPayloadBytes({
    agreementFingerprint: fingerprint,
    chainHead: seal.chainHead,
    kid: seal.kid,
    sealedAt: seal.sealedAt,
  });
  if (!verifyEd25519(raw, payload, signature)) return fail(problem("sealSignatureBad", { kid: publicKey.kid }));
  return { ok: true };
}

/**
 * Seals an agreement: refuses (409) while a required signer has not signed, appends the
 * "sealed" event and signs its hash. The caller stores the event and the seal in one
 * transaction, so a seal never exists without its event.
 */
export function sealAgreement(input: {
  fingerprint: string;
  requiredSigners: readonly string[];
  events: readonly SignatureEvent[];
  key: SigningKey;
  at: Date;
}): { event: CommittedEvent; seal: Seal } {
  const { fingerprint, requiredSigners, events, key, at } = input;
  const chain = verifyChain(fingerprint, events);
  if (!chain.ok) throw new AppError("CONFLICT", `The signature events do not verify: ${chain.why}`);
  const missing = missingSigners(requiredSigners, fingerprint, events);
  if (missing.length > 0) {
    throw new AppError(
      "CONFLICT",
      `Cannot seal: not yet signed by ${missing.join(", ")}`,
      Object.fromEntries(missing.map((r) => [r, "not_signed"])),
    );
  }
  const event = appendEvent(fingerprint, events, { type: "sealed", at });
  return { event, seal: createSeal({ fingerprint, chainHead: event.hash, sealedAt: event.at, key }) };
}
