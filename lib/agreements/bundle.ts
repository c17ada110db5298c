import { z } from "zod";
import { CanonicalJsonError, parseCanonical } from "./canonical-json";
import { agreementDocumentHeaderSchema } from "./agreement-document";
import { decodeBase64, decodeBase64url, encodeBase64 } from "./base64";
import { clientOpeningSchema, opensCommitment } from "./client-facts";
import { isLegacyEvent, pickEvent, verifyChain, type SignatureEvent } from "./event-chain";
import { anyEventSchema, hex64, isoTime, legacyEventSchema } from "./event-schema";
import { sha256Hex } from "./fingerprint";
import { verifySeal, type Seal } from "./seal";
import { signerStatus } from "./signers";
import { keyFingerprint, kidOf } from "./signing-keys";
import { describeProblem, problem, type Problem } from "./verification-problem";

/**
 * The verification bundle: one JSON file that proves an agreement version offline, with no
 * database and no network.
 *
 * {
 *   "format": "stepwise-agreement-bundle/2",
 *   "agreement": { "id", "caseId", "version", "canonical": <standard base64 of the RFC 8785 bytes>,
 *                  "fingerprint": <SHA-256 hex of those bytes> },
 *   "events": [ SignatureEvent, … ],            // "prepared" first, "sealed" last
 *   "clientFacts": [ { "seq", "ip", "userAgent", "salt" }, … ],   // the job centre's copy only
 *   "seal": { "kid", "sealedAt", "chainHead", "signature": <base64url, 64 bytes> },
 *   "publicKey": { "kid", "alg": "Ed25519", "publicKey": <base64url raw 32 bytes> }
 * }
 *
 * Every object is strict (unknown fields are refused) so nothing can ride along looking as if it
 * were covered by the seal. `agreement.id/caseId/version` are repeated inside the canonical
 * document (see agreement-document.ts) and must match it, since only the canonical bytes are
 * hashed. Events record IP address and device only as salted commitments; `clientFacts` opens
 * them, and is left out of every copy but the job centre's (evidence-visibility.ts) — both verify.
 * Format 1 (IP and device in clear text inside the events, no `clientFacts`) still verifies.
 *
 * A bundle carries its own public key, which proves integrity (nothing changed since a holder of
 * that key sealed it), not origin: anyone can re-seal an edited agreement with a key of their own.
 * So the answer is VALID only when the key is one of the issuer's trusted keys (its published
 * `/.well-known/stepwise-keys.json`); an intact bundle with any other key, or checked without
 * trusted keys, is "not verified (unknown key)".
 */

export const BUNDLE_FORMAT = "stepwise-agreement-bundle/2";
export const LEGACY_BUNDLE_FORMAT = "stepwise-agreement-bundle/1";

const kid = z.string().regex(/^[0-9a-f]{16}$/, "expected a 16-hex-digit key id");

const agreementSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  version: z.number().int().positive(),
  canonical: z.string().min(1),
  fingerprint: hex64,
});
const sealSchema = z.strictObject({ kid, sealedAt: isoTime, chainHead: hex64, signature: z.string() });
const publicKeySchema = z.strictObject({ kid, alg: z.literal("Ed25519"), publicKey: z.string() });
const clientFactSchema = clientOpeningSchema.extend({ seq: z.number().int().positive() });

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  agreement: agreementSchema,
  events: z.array(anyEventSchema).min(1),
  clientFacts: z.array(clientFactSchema).optional(),
  seal: sealSchema,
  publicKey: publicKeySchema,
});

const legacyBundleSchema = z.strictObject({
  format: z.literal(LEGACY_BUNDLE_FORMAT),
  agreement: agreementSchema,
  events: z.array(legacyEventSchema).min(1),
  seal: sealSchema,
  publicKey: publicKeySchema,
});

export type AgreementBundle = z.infer<typeof bundleSchema>;
export type BundleClientFact = z.infer<typeof clientFactSchema>;

export type BundleSigner = {
  role: string;
  name: string | null;
  participantId: string;
  authMethod: string;
  at: string;
};

export type BundleSummary = {
  format: string;
  agreementId: string;
  caseId: string;
  version: number;
  fingerprint: string;
  requiredSigners: string[];
  /** Every "signed" event in order, required signers and supporters alike. */
  signers: BundleSigner[];
  kid: string;
  /** SHA-256 hex of the sealing key's raw bytes: what the PDF and the issuer publish to compare. */
  keyFingerprint: string;
  sealedAt: string;
  /** True when the key matched one of `trustedKeys` (only then is the bundle VALID). */
  keyTrusted: boolean;
  /** "full": IP addresses and devices are in the file (opened, or format 1); "redacted": only their commitments. */
  evidence: "full" | "redacted";
};

/**
 * valid        intact, and sealed with a trusted key of the issuer
 * unknown_key  intact, but the key is not among the trusted keys, or none were given: not verified
 * invalid      changed, damaged, or not a bundle
 */
export type BundleVerification =
  | { valid: true; status: "valid"; summary: BundleSummary }
  | { valid: false; status: "unknown_key"; summary: BundleSummary; problem: Problem; why: string }
  | { valid: false; status: "invalid"; problem: Problem; why: string };

export type TrustedKey = { kid: string; publicKey: string };

/** Assembles a bundle and refuses to return one that does not verify with its own key. */
export function buildBundle(input: {
  agreement: { id: string; caseId: string; version: number; canonical: Uint8Array };
  events: readonly SignatureEvent[];
  seal: Seal;
  publicKey: { kid: string; publicKey: string };
  /** The openings of the events' client commitments: only in the job centre's copy. */
  clientFacts?: readonly BundleClientFact[];
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
    ...(input.clientFacts ? { clientFacts: input.clientFacts.map(({ seq, ip, userAgent, salt }) => ({ seq, ip, userAgent, salt })) } : {}),
    seal: { kid: seal.kid, sealedAt: seal.sealedAt, chainHead: seal.chainHead, signature: seal.signature },
    publicKey: { kid: publicKey.kid, alg: "Ed25519", publicKey: publicKey.publicKey },
  };
  const check = verifyBundle(bundle, { trustedKeys: [publicKey] });
  if (!check.valid) throw new Error(`Refusing to build an invalid bundle: ${check.why}`);
  return bundle;
}

/** The file as downloaded. Formatting is free: only the canonical bytes and events are hashed. */
export function bundleToJson(bundle: AgreementBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Checks everything a bundle claims, offline. The problem is the first thing that is wrong. */
export function verifyBundle(json: unknown, opts: { trustedKeys?: readonly TrustedKey[] } = {}): BundleVerification {
  const invalid = (p: Problem): BundleVerification => ({ valid: false, status: "invalid", problem: p, why: describeProblem(p) });

  if (typeof json !== "object" || json === null || Array.isArray(json)) return invalid(problem("notObject"));
  const format = (json as { format?: unknown }).format;
  if (format !== BUNDLE_FORMAT && format !== LEGACY_BUNDLE_FORMAT) {
    return invalid(problem("wrongFormat", { format: JSON.stringify(format) ?? "missing", expected: BUNDLE_FORMAT }));
  }
  const parsed = format === BUNDLE_FORMAT ? bundleSchema.safeParse(json) : legacyBundleSchema.safeParse(json);
  if (!parsed.success) return invalid(problem("malformed", { path: parsed.error.issues[0]?.path.join(".") || "(root)" }));
  const { agreement, events, seal, publicKey } = parsed.data;
  const clientFacts = "clientFacts" in parsed.data ? parsed.data.clientFacts : undefined;

  // 1. The document: exact canonical bytes, and the fingerprint is theirs.
  const canonical = decodeBase64(agreement.canonical);
  if (!canonical) return invalid(problem("canonicalBase64"));
  let document: unknown;
  try {
    document = parseCanonical(canonical);
  } catch (e) {
    if (e instanceof CanonicalJsonError) return invalid(problem("notCanonical"));
    throw e;
  }
  const fingerprint = sha256Hex(canonical);
  if (fingerprint !== agreement.fingerprint)
    return invalid(problem("fingerprintMismatch", { actual: fingerprint, claimed: agreement.fingerprint }));

  // 2. What the bundle says about the agreement is what the signed document says.
  const header = agreementDocumentHeaderSchema.safeParse(document);
  if (!header.success) return invalid(problem("headerInvalid", { path: header.error.issues[0]?.path.join(".") || "(root)" }));
  const { agreementId, caseId, version, requiredSigners } = header.data;
  for (const [field, claimed, actual] of [
    ["id", agreement.id, agreementId],
    ["caseId", agreement.caseId, caseId],
    ["version", agreement.version, version],
  ] as const) {
    if (claimed !== actual) return invalid(problem("fieldMismatch", { field, claimed, actual }));
  }

  // 3. The key: the kid is derived from the key, so neither can be swapped alone.
  const rawKey = decodeBase64url(publicKey.publicKey);
  if (!rawKey || rawKey.length !== 32) return invalid(problem("publicKeyMalformed"));
  if (kidOf(rawKey) !== publicKey.kid) return invalid(problem("kidNotDerived", { kid: publicKey.kid, actual: kidOf(rawKey) }));
  if (seal.kid !== publicKey.kid) return invalid(problem("sealKidMismatch", { sealKid: seal.kid, kid: publicKey.kid }));

  // 4. The events: an unbroken chain from the fingerprint, prepared first, sealed last.
  const chain = verifyChain(fingerprint, events);
  if (!chain.ok) return invalid(chain.problem);
  if (events[0]!.type !== "prepared") return invalid(problem("firstNotPrepared", { type: events[0]!.type }));
  const sealedAt = events.findIndex((e) => e.type === "sealed");
  if (sealedAt !== events.length - 1)
    return invalid(sealedAt === -1 ? problem("noSealedEvent") : problem("sealedNotLast", { n: sealedAt + 1 }));
  const sealedEvent = events[sealedAt]!;
  for (const [i, e] of events.entries()) {
    if (e.type === "signed" && (!e.participantId || !e.role || !e.authMethod)) return invalid(problem("signatureIncomplete", { n: i + 1 }));
    if (e.type === "signed" && e.shownHash !== fingerprint)
      return invalid(problem("signedOther", { n: i + 1, role: e.role ?? "?", shown: e.shownHash ?? "null" }));
  }

  // 5. IP addresses and devices, when the copy carries them, are the ones committed to.
  const seen = new Set<number>();
  for (const fact of clientFacts ?? []) {
    const event = events[fact.seq - 1];
    if (!event || isLegacyEvent(event) || event.client === null || seen.has(fact.seq))
      return invalid(problem("clientFactsUnknownEvent", { n: fact.seq }));
    if (!opensCommitment(fact, event.client)) return invalid(problem("clientFactsMismatch", { n: fact.seq }));
    seen.add(fact.seq);
  }

  // 6. The seal covers exactly this chain and this document.
  if (seal.chainHead !== chain.head) return invalid(problem("sealChainHead", { sealHead: seal.chainHead, head: chain.head }));
  if (seal.sealedAt !== sealedEvent.at) return invalid(problem("sealTime", { sealTime: seal.sealedAt, eventTime: sealedEvent.at }));
  const missing = signerStatus(requiredSigners, fingerprint, events).filter((s) => s.state !== "signed");
  if (missing.length > 0) return invalid(problem("signersMissing", { missing: missing.map((m) => `${m.role}:${m.state}`).join(",") }));
  const sealCheck = verifySeal(seal, fingerprint, publicKey);
  if (!sealCheck.ok) return invalid(sealCheck.problem);

  // 7. Intact. Whose key sealed it decides whether it is verified.
  const summary: BundleSummary = {
    format: parsed.data.format,
    agreementId,
    caseId,
    version,
    fingerprint,
    requiredSigners,
    signers: events
      .filter((e) => e.type === "signed")
      .map((e) => ({ role: e.role!, name: e.name, participantId: e.participantId!, authMethod: e.authMethod!, at: e.at })),
    kid: seal.kid,
    keyFingerprint: keyFingerprint(publicKey.publicKey),
    sealedAt: seal.sealedAt,
    keyTrusted: false,
    evidence: evidenceOf(events, clientFacts),
  };
  const unknown = (p: Problem): BundleVerification => ({
    valid: false,
    status: "unknown_key",
    summary,
    problem: p,
    why: describeProblem(p),
  });
  if (!opts.trustedKeys) return unknown(problem("noTrustedKeys", { kid: publicKey.kid }));
  const trusted = opts.trustedKeys.find((k) => k.kid === publicKey.kid);
  if (!trusted) return unknown(problem("keyNotTrusted", { kid: publicKey.kid }));
  if (trusted.publicKey !== publicKey.publicKey) return invalid(problem("keyDiffersFromTrusted", { kid: publicKey.kid }));
  return { valid: true, status: "valid", summary: { ...summary, keyTrusted: true } };
}

function evidenceOf(events: readonly SignatureEvent[], clientFacts: readonly BundleClientFact[] | undefined): BundleSummary["evidence"] {
  if (clientFacts !== undefined) return "full";
  return events.some((e) => isLegacyEvent(e) && (e.ip !== null || e.userAgent !== null)) ? "full" : "redacted";
}
