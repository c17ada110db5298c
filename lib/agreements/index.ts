/** The signed agreement's cryptographic core: pure, no database. See README.md here. */
export { CanonicalJsonError, canonicalBytes, canonicalize, parseCanonical, type CanonicalJsonErrorReason } from "./canonical-json";
export { fingerprint, isSha256Hex, sha256Hex, SHA256_HEX } from "./fingerprint";
export {
  ED25519_ORDER,
  hasCanonicalScalar,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
  signEd25519,
  verifyEd25519,
} from "./ed25519";
export {
  findPublicKey,
  keyFingerprint,
  kidOf,
  loadOrCreateSigningKey,
  parsePrivateKey,
  publicKeys,
  rotateSigningKey,
  signingKeyObject,
  SigningKeyError,
  type PublicKeyRecord,
  type PublishedKeys,
  type SigningKey,
} from "./signing-keys";
export {
  appendEvent,
  chainHead,
  eventHash,
  EVENT_TYPES,
  isLegacyEvent,
  toIsoTime,
  verifyChain,
  type ChainVerification,
  type CommittedEvent,
  type LegacyEvent,
  type SignatureEvent,
  type SignatureEventInput,
  type SignatureEventType,
} from "./event-chain";
export { clientCommitment, openClientFacts, opensCommitment, type ClientOpening } from "./client-facts";
export { attestEvent, verifyAttestation, type EventAttestation } from "./event-attestation";
export { describeProblem, PROBLEM_CODES, type Problem, type ProblemCode } from "./verification-problem";
export { CLIENT_EVIDENCE_FIELDS, evidenceFieldsFor, maySeeClientEvidence, type EvidenceField } from "./evidence-visibility";
export { missingSigners, signerStatus, type SignerState, type SignerStatus } from "./signers";
export { agreementDocumentHeaderSchema, freezeAgreement, type AgreementDocumentHeader, type FrozenAgreement } from "./agreement-document";
export { createSeal, sealAgreement, sealPayloadBytes, verifySeal, type Seal, type SealPayload, type SealVerification } from "./seal";
export {
  BUNDLE_FORMAT,
  LEGACY_BUNDLE_FORMAT,
  bundleSchema,
  bundleToJson,
  buildBundle,
  verifyBundle,
  type AgreementBundle,
  type BundleClientFact,
  type BundleSigner,
  type BundleSummary,
  type BundleVerification,
  type TrustedKey,
} from "./bundle";
