import { getDb } from "@/db/client";
import { listAgreementEvents } from "@/db/queries/agreements";
import { fromStoredEvents } from "../agreements/stored-events";

/**
 * Who signed this version, and when (each person's latest word, as in agreement-state.ts). A
 * signature states "I have read the agreement and agree", so a signer is never asked again to
 * confirm they have read the version they signed.
 */
export async function signaturesOf(agreement: { id: string; fingerprint: string }): Promise<Map<string, Date>> {
  const events = fromStoredEvents(agreement.fingerprint, await listAgreementEvents(await getDb(), agreement.id));
  const latest = new Map<string, { type: string; at: string; shownHash: string | null }>();
  for (const e of events) if (e.participantId && (e.type === "signed" || e.type === "declined")) latest.set(e.participantId, e);
  const out = new Map<string, Date>();
  for (const [id, e] of latest) if (e.type === "signed" && e.shownHash === agreement.fingerprint) out.set(id, new Date(e.at));
  return out;
}
