import type { AgreementEventRow, AgreementRow, EventInsert } from "@/db/queries/agreements";
import { AppError } from "../errors";
import { canonicalBytes } from "./canonical-json";
import { opensCommitment, type ClientOpening } from "./client-facts";
import { attestEvent } from "./event-attestation";
import { pickEvent, type CommittedEvent } from "./event-chain";
import { serverPublicKeys, serverSigningKey } from "./server-signing-key";
import type { SigningKey } from "./signing-keys";
import { verifyStoredAgreement, type KeyLookup, type VerifiedAgreement } from "./verify-stored-agreement";

/**
 * Events are stored as their canonical JSON bytes — exactly what was hashed — with a few columns
 * beside them for queries, the server's signature on the event (its origin), and the opening of
 * its IP/device commitment. Reading decodes the bytes, never the columns, so the chain that is
 * verified and exported is the chain that was written.
 */
export function toStoredEvent(event: CommittedEvent, opts: { opening?: ClientOpening | null; key?: SigningKey } = {}): EventInsert {
  const opening = opts.opening ?? null;
  if (opening ? !opensCommitment(opening, event.client) : event.client !== null) {
    throw new AppError("INVALID_INPUT", "The event's IP/device commitment and its opening do not match");
  }
  const attestation = attestEvent(event.hash, opts.key ?? serverSigningKey());
  return {
    seq: event.seq,
    type: event.type,
    participantId: event.participantId,
    at: new Date(event.at),
    hash: event.hash,
    data: canonicalBytes(pickEvent(event)),
    attestKid: attestation.kid,
    attestSignature: attestation.signature,
    clientFacts: opening ? canonicalBytes({ ip: opening.ip, salt: opening.salt, userAgent: opening.userAgent }) : null,
  };
}

/** Decodes a stored version's events after proving the whole record (verify-stored-agreement.ts). */
export function fromStoredAgreement(
  row: AgreementRow,
  rows: readonly AgreementEventRow[],
  keyOf: KeyLookup = serverKeyLookup(),
): VerifiedAgreement {
  return verifyStoredAgreement(row, rows, keyOf);
}

/** This server's published keys as a lookup, read once per use. */
export function serverKeyLookup(): KeyLookup {
  const keys = serverPublicKeys().keys;
  return (kid) => keys.find((k) => k.kid === kid);
}
