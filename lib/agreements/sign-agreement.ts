import { AppError } from "../errors";
import { serverNow } from "../time/server-clock";
import type { SignerConfirmation } from "./confirm-signer";
import { recordDecision, type DecisionResult } from "./record-decision";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";
import type { SigningKey } from "./signing-keys";

/**
 * A signer signs the version they were shown, after confirming who they are again
 * (confirm-signer.ts) and that they have read and agree. The event records signer, how they were
 * authenticated, time, IP, user agent and the fingerprint of what they were shown; a different
 * fingerprint is refused (409). The last signature needed seals the agreement: it is binding.
 */
export async function signAgreement(input: {
  me: Me;
  agreementId: string;
  confirmation: SignerConfirmation;
  /** "I have read the agreement and agree": the signer's own explicit statement. */
  readAndAgreed: boolean;
  shownHash: string;
  client: ClientFacts;
  now?: Date;
  signingKey?: () => SigningKey;
}): Promise<DecisionResult> {
  if (input.readAndAgreed !== true)
    throw new AppError("INVALID_INPUT", "Tick that you have read the agreement and agree", { readAndAgreed: "required" });
  return recordDecision({ ...input, decision: "signed", reason: null, now: input.now ?? serverNow() });
}
