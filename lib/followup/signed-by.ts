import { isAgreementAltered } from "../agreements/agreement-altered";
import type { SignatureEvent } from "../agreements/event-chain";
import { provenEventsOf } from "../agreements/proven-events";

/**
 * Who signed this version, and when (each person's latest word, as in agreement-state.ts). A
 * signature states "I have read the agreement and agree", so a signer is never asked again to
 * confirm they have read the version they signed. Only proven events count: a version whose
 * record was altered has no signatures here (lib/agreements/verify-stored-agreement.ts).
 */
export async function signaturesOf(agreement: { id: string; fingerprint: string }): Promise<Map<string, Date>> {
  let events: SignatureEvent[];
  try {
    events = await provenEventsOf(agreement.id);
  } catch (e) {
    if (isAgreementAltered(e)) return new Map();
    throw e;
  }
  const latest = new Map<string, { type: string; at: string; shownHash: string | null }>();
  for (const e of events) if (e.participantId && (e.type === "signed" || e.type === "declined")) latest.set(e.participantId, e);
  const out = new Map<string, Date>();
  for (const [id, e] of latest) if (e.type === "signed" && e.shownHash === agreement.fingerprint) out.set(id, new Date(e.at));
  return out;
}
