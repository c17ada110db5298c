import { getDb } from "@/db/client";
import { findAgreementSnapshot } from "@/db/queries/agreements";
import { AppError } from "../errors";
import type { SignatureEvent } from "./event-chain";
import { fromStoredAgreement } from "./stored-events";

/**
 * A version's events, after proving its whole stored record (verify-stored-agreement.ts), for
 * code that has authorised the reader already (follow-up: who signed). Throws
 * AgreementAlteredError when the record does not hold — a forged row is never counted.
 */
export async function provenEventsOf(agreementId: string): Promise<SignatureEvent[]> {
  const snapshot = await findAgreementSnapshot(await getDb(), agreementId);
  if (!snapshot) throw new AppError("NOT_FOUND", "no such agreement");
  return fromStoredAgreement(snapshot.row, snapshot.events).events;
}
