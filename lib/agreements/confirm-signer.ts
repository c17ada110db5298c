import { getDb } from "@/db/client";
import { findParticipant } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { assertCan } from "../permissions";
import type { ReadableAgreement } from "./frozen-document";
import type { Actor } from "./require-agreement-actor";

/** A signature on one's own device needs a session opened at most this long ago. */
export const FRESH_SESSION_MINUTES = 15;
/** The auth-method prefix of a signature witnessed at the caseworker's shared screen. */
export const IN_PERSON_METHOD = "in-person-verified-by-caseworker";

/**
 * How a signer confirms who they are, again, right before deciding:
 * - on their own device: type their full name as registered, in a session opened in the last
 *   15 minutes (else they re-open their personal link);
 * - in turn at the shared screen (a device signed in as the caseworker): type their name, and the
 *   caseworker confirms they checked the person's identity in person.
 */
export type SignerConfirmation =
  | { mode: "own-device"; typedName: string }
  | { mode: "shared-screen"; signerParticipantId: string; typedName: string; identityChecked: boolean };

export type ConfirmedSigner = { participantId: string; role: string; name: string; authMethod: string };

export async function confirmSigner(actor: Actor, confirmation: SignerConfirmation, doc: ReadableAgreement, now: Date): Promise<ConfirmedSigner> {
  let signer: { participantId: string; role: string; name: string };
  let authMethod: string;
  if (confirmation.mode === "own-device") {
    const ageMs = now.getTime() - actor.authenticatedAt.getTime();
    if (ageMs > FRESH_SESSION_MINUTES * 60_000) {
      throw new AppError("UNAUTHENTICATED", `To sign, open your personal link again (your sign-in is more than ${FRESH_SESSION_MINUTES} minutes old)`, { session: "stale" });
    }
    signer = { participantId: actor.me.participantId, role: actor.me.role, name: actor.me.displayName };
    authMethod = `own-device:${actor.me.authMethod}`;
  } else {
    if (actor.me.role !== "caseworker") throw new AppError("FORBIDDEN", "Only the caseworker's screen can take signatures in turn");
    if (confirmation.signerParticipantId === actor.me.participantId) {
      throw new AppError("INVALID_INPUT", "The caseworker signs as themself, not in turn", { signer: "self" });
    }
    const p = await findParticipant(await getDb(), confirmation.signerParticipantId);
    if (!p || p.caseId !== actor.me.caseId || p.removedAt) throw new AppError("FORBIDDEN", "That person is not a participant of this case");
    if (confirmation.identityChecked !== true) {
      throw new AppError("INVALID_INPUT", "The caseworker must confirm that they checked the person's identity", { identityChecked: "required" });
    }
    signer = { participantId: p.id, role: p.role, name: p.displayName };
    authMethod = `${IN_PERSON_METHOD}:${actor.me.participantId}`;
  }
  if (!doc.parties.some((p) => p.participantId === signer.participantId)) {
    throw new AppError("FORBIDDEN", "This person is not asked to sign this version");
  }
  assertCan(signer.role as Actor["me"]["role"], "sign", "agreement");
  if (normaliseName(confirmation.typedName) !== normaliseName(signer.name)) {
    throw new AppError("INVALID_INPUT", "The name does not match the name registered for this person", { typedName: "mismatch" });
  }
  return { ...signer, authMethod };
}

/** Same name however it is typed: spacing, letter case and Unicode composition do not matter. */
export function normaliseName(s: string): string {
  return s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("da");
}
