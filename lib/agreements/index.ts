/** The signed agreement's cryptographic core: pure, no database. See README.md here. */
export { CanonicalJsonError, canonicalBytes, canonicalize, parseCanonical, type CanonicalJsonErrorReason } from "./canonical-json";
export { fingerprint, isSha256Hex, sha256Hex, SHA256_HEX } from "./fingerprint";
export { ED25519_ORDER, hasCanonicalScalar, privateKeyFromSeed, publicKeyFromRaw, rawPublicKey, signEd25519, verifyEd25519 } from "./ed25519";
export {
  findPublicKey,
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
  toIsoTime,
  verifyChain,
  type ChainVerification,
  type SignatureEvent,
  type SignatureEventInput,
  type SignatureEventType,
} from "./event-chain";
export { missingSigners, signerStatus, type SignerState, type SignerStatus } from "./signers";
export { agreementDocumentHeaderSchema, freezeAgreement, type AgreementDocumentHeader, type FrozenAgreement } from "./agreement-document";
export { createSeal, sealAgreement, sealPayloadBytes, verifySeal, type Seal, type SealPayload, type SealVerification } from "./seal";
export {
  BUNDLE_FORMAT,
  bundleSchema,
  bundleToJson,
  buildBundle,
  verifyBundle,
  type AgreementBundle,
  type BundleSigner,
  type BundleSummary,
  type BundleVerification,
  type TrustedKey,
} from "./bundle";
