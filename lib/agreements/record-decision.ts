import { getDb } from "@/db/client";
import { type AgreementChange, changeAgreementLocked, findAgreement } from "@/db/queries/agreements";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { isSha256Hex } from "./fingerprint";
import { completeness, partyStatuses, versionState } from "./agreement-state";
import { confirmSigner, type SignerConfirmation } from "./confirm-signer";
import { openClientFacts } from "./client-facts";
import { appendEvent, type SignatureEvent } from "./event-chain";
import { readFrozenDocument } from "./frozen-document";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";
import { sealAgreement } from "./seal";
import { serverSigningKey } from "./server-signing-key";
import type { SigningKey } from "./signing-keys";
import { fromStoredAgreement, toStoredEvent } from "./stored-events";
import { assertCaseOpen } from "../access/assert-case-open";

export type DecisionResult = { agreementId: string; participantId: string; decision: "signed" | "declined"; sealed: boolean };

/**
 * Records one signature or decline, under the agreement's row lock: checks the version is still
 * open and is exactly what the person was shown (409 otherwise), appends the event to the chain,
 * and seals in the same transaction when that completes the agreement (completeness()).
 */
export async function recordDecision(input: {
  me: Me;
  agreementId: string;
  decision: "signed" | "declined";
  confirmation: SignerConfirmation;
  /** The fingerprint of the version the page displayed. */
  shownHash: string;
  reason: string | null;
  client: ClientFacts;
  now: Date;
  signingKey?: () => SigningKey;
}): Promise<DecisionResult> {
  const { me, now } = input;
  if (!isUuid(input.agreementId)) throw new AppError("NOT_FOUND", "no such agreement");
  if (!isSha256Hex(input.shownHash))
    throw new AppError("INVALID_INPUT", "shownHash is not a SHA-256 fingerprint", { shownHash: "invalid" });
  const db = await getDb();
  const existing = await findAgreement(db, input.agreementId);
  if (!existing) throw new AppError("NOT_FOUND", "no such agreement");
  if (existing.caseId !== me.caseId) throw new AppError("FORBIDDEN", "not a participant of this case");
  await assertCaseOpen(existing.caseId);
  const document = readFrozenDocument(existing.canonical);
  // Identity first (it may read the database); the lock below is kept short.
  const signer = await confirmSigner(me, input.confirmation, document, now, { caseId: existing.caseId, meetingId: existing.meetingId });

  const result = await changeAgreementLocked(db, input.agreementId, (row, rows, versions): AgreementChange => {
    if (row.sealedAt) throw new AppError("CONFLICT", "This version is already binding; nothing more can be added", { version: "sealed" });
    if (versionState(row, versions) === "withdrawn")
      throw new AppError("CONFLICT", "A newer version was prepared; read and sign that one", { version: "superseded" });
    if (input.shownHash !== row.fingerprint) {
      throw new AppError("CONFLICT", "What you were shown is not this version of the agreement; reload and read it again", {
        shownHash: "mismatch",
      });
    }
    // Every event proved (the server's signature on each, the chain, the bytes) before one more is added or sealed.
    const { events } = fromStoredAgreement(row, rows);
    const mine = partyStatuses(document, row.fingerprint, events).find((p) => p.participantId === signer.participantId);
    if (mine?.state === input.decision) {
      throw new AppError("CONFLICT", input.decision === "signed" ? "Already signed" : "Already declined", {
        decision: `already_${input.decision}`,
      });
    }
    const opening = openClientFacts(input.client);
    const event = appendEvent(row.fingerprint, events, {
      type: input.decision,
      at: now,
      participantId: signer.participantId,
      role: signer.role,
      name: signer.name,
      authMethod: signer.authMethod,
      client: opening,
      shownHash: input.shownHash,
      reason: input.decision === "declined" ? input.reason : null,
    });
    const after = [...events, event];
    const key = (input.signingKey ?? serverSigningKey)();
    const stored = toStoredEvent(event, { opening, key });
    if (!completeness(document, row.fingerprint, after).autoSeal) return { events: [stored] };
    const sealed = sealChange(row.fingerprint, document.requiredSigners, after, now, () => key);
    return { events: [stored, ...sealed.events], seal: sealed.seal };
  });
  if (!result) throw new AppError("NOT_FOUND", "no such agreement");
  return {
    agreementId: input.agreementId,
    participantId: signer.participantId,
    decision: input.decision,
    sealed: result.row.sealedAt !== null,
  };
}

/**
 * The sealed event and the seal, as a change to write (core sealAgreement refuses with 409 while a
 * required signer is missing). `events` must come from fromStoredAgreement: proved, each one
 * signed by this server, so a row someone INSERTed can never be sealed in.
 */
export function sealChange(
  fingerprint: string,
  requiredSigners: readonly string[],
  events: readonly SignatureEvent[],
  now: Date,
  signingKey: () => SigningKey = serverSigningKey,
): AgreementChange {
  const key = signingKey();
  const { event, seal } = sealAgreement({ fingerprint, requiredSigners, events, key, at: now });
  return {
    events: [toStoredEvent(event, { key })],
    seal: { sealedAt: new Date(seal.sealedAt), kid: seal.kid, signature: seal.signature, chainHead: seal.chainHead },
  };
}
