import { AppError } from "../errors";
import { serverNow } from "../time/server-clock";
import type { SignerConfirmation } from "./confirm-signer";
import { recordDecision, type DecisionResult } from "./record-decision";
import type { Me } from "../access/actor";
import type { ClientFacts } from "./client-facts";
import type { SigningKey } from "./signing-keys";

export const MAX_DECLINE_REASON_LENGTH = 2000;

/**
 * A signer declines, with a reason the others can read, after the same identity confirmation as
 * signing. A required signer's decline keeps the version from binding (the chair then prepares a
 * changed version); a later signature by the same person replaces the decline, and vice versa.
 */
export async function declineAgreement(input: {
  me: Me;
  agreementId: string;
  confirmation: SignerConfirmation;
  reason: string;
  shownHash: string;
  client: ClientFacts;
  now?: Date;
  signingKey?: () => SigningKey;
}): Promise<DecisionResult> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("INVALID_INPUT", "Write why you decline, so the others can respond", { reason: "required" });
  if (reason.length > MAX_DECLINE_REASON_LENGTH)
    throw new AppError("INVALID_INPUT", `Keep the reason under ${MAX_DECLINE_REASON_LENGTH} characters`, { reason: "too_long" });
  return recordDecision({ ...input, decision: "declined", reason, now: input.now ?? serverNow() });
}
