import type { AgreementEventRow, AgreementRow } from "@/db/queries/agreements";
import { agreementDocumentHeaderSchema } from "./agreement-document";
import { AgreementAlteredError } from "./agreement-altered";
import { CanonicalJsonError, parseCanonical } from "./canonical-json";
import { clientOpeningSchema, opensCommitment, type ClientOpening } from "./client-facts";
import { verifyAttestation } from "./event-attestation";
import { isLegacyEvent, verifyChain, type SignatureEvent } from "./event-chain";
import { anyEventSchema } from "./event-schema";
import { sha256Hex } from "./fingerprint";
import { verifySeal } from "./seal";
import { problem, type Problem } from "./verification-problem";

export type KeyLookup = (kid: string) => { kid: string; publicKey: string } | undefined;

export type VerifiedAgreement = {
  events: SignatureEvent[];
  /** The openings of the events' client commitments, by seq (the job centre's evidence). */
  openings: Map<number, ClientOpening>;
};

/**
 * Proves a stored agreement version from its rows and the server's public keys (which live
 * outside the database), before anything is shown, signed, sealed or exported:
 *
 *   1. the frozen bytes hash to the fingerprint and name this row's id, case and version;
 *   2. every event decodes, matches its indexed columns, and the chain is unbroken from the
 *      fingerprint, starting with "prepared";
 *   3. every event carries the server's signature (event-attestation.ts) — or was written before
 *      attestations existed and is on the closed list of migration 0005;
 *   4. stored IP/device openings open their event's commitment;
 *   5. sealed: the chain ends in the "sealed" event, and the seal verifies with a key of this
 *      server over exactly this fingerprint and chain head; unsealed: no "sealed" event.
 *
 * Throws AgreementAlteredError with the first problem found.
 */
export function verifyStoredAgreement(row: AgreementRow, rows: readonly AgreementEventRow[], keyOf: KeyLookup): VerifiedAgreement {
  const altered = (p: Problem) => new AgreementAlteredError(row.id, p);
  const rowProblem = storedRowProblem(row, keyOf);
  if (rowProblem) throw altered(rowProblem);
  const fingerprint = row.fingerprint;

  const events: SignatureEvent[] = [];
  const openings = new Map<number, ClientOpening>();
  for (const [i, r] of rows.entries()) {
    const n = i + 1;
    const event = decode(r.data, anyEventSchema);
    if (!event) throw altered(problem("storedEventUnreadable", { n }));
    if (
      event.seq !== r.seq ||
      event.type !== r.type ||
      event.hash !== r.hash ||
      event.participantId !== r.participantId ||
      Date.parse(event.at) !== r.at.getTime()
    ) {
      throw altered(problem("storedEventColumns", { n }));
    }
    events.push(event);
  }
  const chain = verifyChain(fingerprint, events);
  if (!chain.ok) throw altered(chain.problem);
  if (events[0]?.type !== "prepared") throw altered(problem("firstNotPrepared", { type: events[0]?.type ?? "none" }));

  for (const [i, r] of rows.entries()) {
    const n = i + 1;
    const event = events[i]!;
    if (r.attestKid === null || r.attestSignature === null) {
      if (!r.beforeAttestation) throw altered(problem("eventNotAttested", { n, type: event.type }));
    } else {
      const key = keyOf(r.attestKid);
      if (!key || !verifyAttestation(event.hash, { kid: r.attestKid, signature: r.attestSignature }, key)) {
        throw altered(problem("eventAttestationBad", { n, type: event.type }));
      }
    }
    if (r.clientFacts !== null) {
      const opening = decode(r.clientFacts, clientOpeningSchema);
      if (!opening || isLegacyEvent(event) || !opensCommitment(opening, event.client)) throw altered(problem("clientFactsMismatch", { n }));
      openings.set(event.seq, opening);
    }
  }

  const sealedIndex = events.findIndex((e) => e.type === "sealed");
  if (!row.sealedAt) {
    if (sealedIndex !== -1) throw altered(problem("unsealedWithSealedEvent", { n: sealedIndex + 1 }));
    return { events, openings };
  }
  if (sealedIndex === -1) throw altered(problem("noSealedEvent"));
  if (sealedIndex !== events.length - 1) throw altered(problem("sealedNotLast", { n: sealedIndex + 1 }));
  const sealedEvent = events[sealedIndex]!;
  // The seal itself was verified with the row (storedRowProblem); here it must cover this chain.
  if (row.chainHead !== chain.head) throw altered(problem("sealChainHead", { sealHead: row.chainHead ?? "null", head: chain.head }));
  if (row.sealedAt.getTime() !== Date.parse(sealedEvent.at))
    throw altered(problem("sealTime", { sealTime: row.sealedAt.toISOString(), eventTime: sealedEvent.at }));
  return { events, openings };
}

/**
 * What can be proved from the agreement's row alone, without its events (lists, follow-up): the
 * bytes hash to the fingerprint and name this row's id, case and version, and a sealed row's seal
 * verifies with a key of this server over that fingerprint, its chain head and time. Null when
 * it holds.
 */
export function storedRowProblem(row: AgreementRow, keyOf: KeyLookup): Problem | null {
  if (sha256Hex(row.canonical) !== row.fingerprint) return problem("storedFingerprint");
  let header;
  try {
    header = agreementDocumentHeaderSchema.safeParse(parseCanonical(row.canonical));
  } catch (e) {
    if (e instanceof CanonicalJsonError) return problem("notCanonical");
    throw e;
  }
  if (!header.success) return problem("headerInvalid", { path: header.error.issues[0]?.path.join(".") || "(root)" });
  for (const [field, claimed, actual] of [
    ["id", row.id, header.data.agreementId],
    ["caseId", row.caseId, header.data.caseId],
    ["version", row.version, header.data.version],
  ] as const) {
    if (claimed !== actual) return problem("fieldMismatch", { field, claimed, actual });
  }
  if (!row.sealedAt) return row.sealKid || row.sealSignature || row.chainHead ? problem("sealMissing") : null;
  if (!row.sealKid || !row.sealSignature || !row.chainHead) return problem("sealMissing");
  const key = keyOf(row.sealKid);
  if (!key) return problem("sealKeyUnknown", { kid: row.sealKid });
  const seal = verifySeal(
    { kid: row.sealKid, sealedAt: row.sealedAt.toISOString(), chainHead: row.chainHead, signature: row.sealSignature },
    row.fingerprint,
    key,
  );
  return seal.ok ? null : seal.problem;
}

function decode<T>(bytes: Uint8Array, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
  try {
    const parsed = schema.safeParse(parseCanonical(bytes));
    return parsed.success ? parsed.data : null;
  } catch (e) {
    if (e instanceof CanonicalJsonError) return null;
    throw e;
  }
}
