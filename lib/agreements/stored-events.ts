import type { AgreementEventRow, EventInsert } from "@/db/queries/agreements";
import { AppError } from "../errors";
import { canonicalBytes, parseCanonical } from "./canonical-json";
import { verifyChain, type SignatureEvent } from "./event-chain";

/**
 * Events are stored as their canonical JSON bytes — exactly what was hashed — with a few columns
 * beside them for queries. Reading decodes the bytes, never the columns, so the chain that is
 * verified and exported is the chain that was written.
 */
export function toStoredEvent(event: SignatureEvent): EventInsert {
  return { seq: event.seq, type: event.type, participantId: event.participantId, at: new Date(event.at), hash: event.hash, data: canonicalBytes(event) };
}

/** Decodes stored events and proves they still chain up to the fingerprint. */
export function fromStoredEvents(fingerprint: string, rows: readonly AgreementEventRow[]): SignatureEvent[] {
  const events = rows.map((r) => parseCanonical(r.data) as SignatureEvent);
  const chain = verifyChain(fingerprint, events);
  if (!chain.ok) throw new AppError("CONFLICT", `The stored signature events do not verify: ${chain.why}`);
  return events;
}
