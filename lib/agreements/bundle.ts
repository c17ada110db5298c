import { z } from "zod";
import { CanonicalJsonError, parseCanonical } from "./canonical-json";
import { agreementDocumentHeaderSchema } from "./agreement-document";
import { decodeBase64, decodeBase64url, encodeBase64 } from "./base64";
import { EVENT_TYPES, verifyChain, type SignatureEvent } from "./event-chain";
import { SHA256_HEX, sha256Hex } from "./fingerprint";
import { verifySeal, type Seal } from "./seal";
import { signerStatus } from "./signers";
import { kidOf } from "./signing-keys";

/**
 * The verification bundle: one JSON file that proves an agreement version offline, with no
 * database and no network.
 *
 * {
 *   "format": "stepwise-agreement-bundle/1",
 *   "agreement": { "id", "caseId", "version", "canonical": <standard base64 of the RFC 8785 bytes>,
 *                  "fingerprint": <SHA-256 hex of those bytes> },
 *   "events": [ SignatureEvent, … ],            // "prepared" first, "sealed" last
 *   "seal": { "kid", "sealedAt", "chainHead", "signature": <base64url, 64 bytes> },
 *   "publicKey": { "kid", "alg": "Ed25519", "publicKey": <base64url raw 32 bytes> }
 * }
 *
 * Every object is strict (unknown fields are refused) so nothing can ride along looking as if it
 * were covered by the seal. `agreement.id/caseId/version` are repeated inside the canonical
 * document (see agreement-document.ts) and must match it, since only the canonical bytes are
 * hashed.
 *
 * A bundle carries its own public key, so on its own it proves integrity (nothing changed since
 * a holder of that key sealed it), not origin. Origin comes from comparing the key with the
 * server's published keys (`/.well-known/stepwise-keys.json`): pass them as `trustedKeys`.
 */

export const BUNDLE_FORMAT = "stepwise-agreement-bundle/1";

const hex64 = z.string().regex(SHA256_HEX, "expected a lowercase SHA-256 hex digest");
const kid = z.string().regex(/^[0-9a-f]{16}$/, "expected a 16-hex-digit key id");
const isoTime = z.string().refine((s) => {
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.toISOString() === s;
}, "expected an ISO 8601 UTC time like 2025-03-04T09:30:00.000Z");

const eventSchema = z.strictObject({
  seq: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  at: isoTime,
  participantId: z.string().nullable(),
  role: z.string().nullable(),
  name: z.string().nullable(),
  authMethod: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  shownHash: hex64.nullable(),
  reason: z.string().nullable(),
  prevHash: hex64,
  hash: hex64,
});

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  agreement: z.strictObject({
    id: z.string().min(1),
    caseId: z.string().min(1),
    version: z.number().int().positive(),
    canonical: z.string().min(1),
    fingerprint: hex64,
  }),
  events: z.array(eventSchema).min(1),
  seal: z.strictObject({ kid, sealedAt: isoTime, chainHead: hex64, signature: z.string() }),
  publicKey: z.strictObject({ kid, alg: z.literal("Ed25519"), publicKey: z.string() }),
});

export type AgreementBundle = z.infer<typeof bundleSchema>;

export type BundleSigner = {
  role: string;
  name: string | null;
  participantId: string;
  authMethod: string;
  at: string;
};

export type BundleSummary = {
  agreementId: string;
  caseId: string;
  version: number;
  fingerprint: string;
  requiredSigners: string[];
  /** Every "signed" event in order, required signers and supporters alike. */
  signers: BundleSigner[];
  kid: string;
  sealedAt: string;
  /** True when the key matched one of `trustedKeys`; false when only the bundle's own key was used. */
  keyTrusted: boolean;
};

export type BundleVerification = { valid: true; summary: BundleSummary } | { valid: false; why: string };

export type TrustedKey = { kid: string; publicKey: string };

/** Assembles a bundle and refuses to return one that does not verify. */
export function buildBundle(input: {
  agreement: { id: string; caseId: string; version: number; canonical: Uint8Array };
  events: readonly SignatureEvent[];
  seal: Seal;
  publicKey: { kid: string; publicKey: string };
}): AgreementBundle {
  const { agreement, events, seal, publicKey } = input;
  const bundle: AgreementBundle = {
    format: BUNDLE_FORMAT,
    agreement: {
      id: agreement.id,
      caseId: agreement.caseId,
      version: agreement.version,
      canonical: encodeBase64(agreement.canonical),
      fingerprint: sha256Hex(agreement.canonical),
    },
    events: events.map(pickEvent),
    seal: { kid: seal.kid, sealedAt: seal.sealedAt, chainHead: seal.chainHead, signature: seal.signature },
    publicKey: { kid: publicKey.kid, alg: "Ed25519", publicKey: publicKey.publicKey },
  };
  const check = verifyBundle(bundle);
  if (!check.valid) throw new Error(`Refusing to build an invalid bundle: ${check.why}`);
  return bundle;
}

/** The file as downloaded. Formatting is free: only the canonical bytes and events are hashed. */
export function bundleToJson(bundle: AgreementBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Checks everything a bundle claims, offline. The `why` says the first thing that is wrong. */
export function verifyBundle(json: unknown, opts: { trustedKeys?: readonly TrustedKey[] } = {}): BundleVerification {
  const invalid = (why: string): BundleVerification => ({ valid: false, why });

  if (typeof json !== "object" || json === null || Array.isArray(json)) return invalid("not a JSON object");
  const format = (json as { format?: unknown }).format;
  if (format !== BUNDLE_FORMAT) return invalid(`not a Stepwise agreement bundle (format ${JSON.stringify(format) ?? "missing"}, expected "${BUNDLE_FORMAT}")`);
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(`malformed bundle at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  const { agreement, events, seal, publicKey } = parsed.data;

  // 1. The document: exact canonical bytes, and the fingerprint is theirs.
  const canonical = decodeBase64(agreement.canonical);
  if (!canonical) return invalid("agreement.canonical is not valid base64");
  let document: unknown;
  try {
    document = parseCanonical(canonical);
  } catch (e) {
    if (e instanceof CanonicalJsonError) return invalid(`the agreement document is not canonical JSON (${e.message})`);
    throw e;
  }
  const fingerprint = sha256Hex(canonical);
  if (fingerprint !== agreement.fingerprint) return invalid(`the agreement document does not match its fingerprint (document hashes to ${fingerprint}, bundle says ${agreement.fingerprint})`);

  // 2. What the bundle says about the agreement is what the signed document says.
  const header = agreementDocumentHeaderSchema.safeParse(document);
  if (!header.success) {
    const issue = header.error.issues[0];
    return invalid(`the agreement document lacks a valid header at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  const { agreementId, caseId, version, requiredSigners } = header.data;
  if (agreementId !== agreement.id) return invalid(`agreement.id ${agreement.id} differs from the document's ${agreementId}`);
  if (caseId !== agreement.caseId) return invalid(`agreement.caseId ${agreement.caseId} differs from the document's ${caseId}`);
  if (version !== agreement.version) return invalid(`agreement.version ${agreement.version} differs from the document's ${version}`);

  // 3. The key: the kid is derived from the key, so neither can be swapped alone.
  const rawKey = decodeBase64url(publicKey.publicKey);
  if (!rawKey || rawKey.length !== 32) return invalid("publicKey.publicKey is not a base64url 32-byte Ed25519 key");
  if (kidOf(rawKey) !== publicKey.kid) return invalid(`publicKey.kid ${publicKey.kid} is not the id of the included key (${kidOf(rawKey)})`);
  if (seal.kid !== publicKey.kid) return invalid(`the seal names key ${seal.kid}, but the bundle's public key is ${publicKey.kid}`);
  let keyTrusted = false;
  if (opts.trustedKeys) {
    const trusted = opts.trustedKeys.find((k) => k.kid === publicKey.kid);
    if (!trusted) return invalid(`key ${publicKey.kid} is not one of the trusted keys`);
    if (trusted.publicKey !== publicKey.publicKey) return invalid(`the bundle's key ${publicKey.kid} differs from the trusted key with that id`);
    keyTrusted = true;
  }

  // 4. The events: an unbroken chain from the fingerprint, prepared first, sealed last.
  const chain = verifyChain(fingerprint, events);
  if (!chain.ok) return invalid(chain.why);
  if (events[0]!.type !== "prepared") return invalid(`the first event is "${events[0]!.type}", not "prepared"`);
  const sealedAt = events.findIndex((e) => e.type === "sealed");
  if (sealedAt !== events.length - 1) return invalid(sealedAt === -1 ? `the events have no "sealed" event` : `event ${sealedAt + 1} is "sealed" but is not the last event`);
  const sealedEvent = events[sealedAt]!;
  for (const [i, e] of events.entries()) {
    if (e.type === "signed" && (!e.participantId || !e.role || !e.authMethod)) return invalid(`event ${i + 1} is a signature without signer, role or authentication method`);
    if (e.type === "signed" && e.shownHash !== fingerprint) return invalid(`event ${i + 1}: ${e.role} signed something other than this agreement (shown ${e.shownHash})`);
  }

  // 5. The seal covers exactly this chain and this document.
  if (seal.chainHead !== chain.head) return invalid(`the seal covers chain head ${seal.chainHead}, but the events end at ${chain.head}`);
  if (seal.sealedAt !== sealedEvent.at) return invalid(`the seal time ${seal.sealedAt} differs from the "sealed" event's ${sealedEvent.at}`);
  const missing = signerStatus(requiredSigners, fingerprint, events).filter((s) => s.state !== "signed");
  if (missing.length > 0) return invalid(`required signer${missing.length > 1 ? "s" : ""} ${missing.map((m) => `${m.role} (${m.state})`).join(", ")} did not sign`);
  const sealCheck = verifySeal(seal, fingerprint, publicKey);
  if (!sealCheck.ok) return invalid(sealCheck.why);

  return {
    valid: true,
    summary: {
      agreementId,
      caseId,
      version,
      fingerprint,
      requiredSigners,
      signers: events
        .filter((e) => e.type === "signed")
        .map((e) => ({ role: e.role!, name: e.name, participantId: e.participantId!, authMethod: e.authMethod!, at: e.at })),
      kid: seal.kid,
      sealedAt: seal.sealedAt,
      keyTrusted,
    },
  };
}

function pickEvent(e: SignatureEvent): SignatureEvent {
  const { seq, type, at, participantId, role, name, authMethod, ip, userAgent, shownHash, reason, prevHash, hash } = e;
  return { seq, type, at, participantId, role, name, authMethod, ip, userAgent, shownHash, reason, prevHash, hash };
}
