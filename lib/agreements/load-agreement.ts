import { getDb } from "@/db/client";
import { type AgreementRow, findAgreementSnapshot } from "@/db/queries/agreements";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Me } from "../access/actor";
import { assertCan, type Action } from "../permissions";
import type { ClientOpening } from "./client-facts";
import type { SignatureEvent } from "./event-chain";
import { readFrozenDocument, type ReadableAgreement } from "./frozen-document";
import { fromStoredAgreement } from "./stored-events";

export type LoadedAgreement = {
  row: AgreementRow;
  versions: AgreementRow[];
  events: SignatureEvent[];
  /** IP address and device behind each event's commitment, by seq: evidence for the job centre only. */
  openings: Map<number, ClientOpening>;
  document: ReadableAgreement;
};

/**
 * One agreement version for a participant of its case: unknown → 404, another case's → 403,
 * then the permission for `action`. Proves the stored record on every read — bytes, chain, the
 * server's signature on each event, the seal (verify-stored-agreement.ts) — and throws
 * AgreementAlteredError when it does not hold.
 */
export async function loadAgreementFor(me: Me, agreementId: string, action: Action = "view"): Promise<LoadedAgreement> {
  if (!isUuid(agreementId)) throw new AppError("NOT_FOUND", "no such agreement");
  // One snapshot: a seal committed between separate reads would look like an altered record.
  const snapshot = await findAgreementSnapshot(await getDb(), agreementId);
  if (!snapshot) throw new AppError("NOT_FOUND", "no such agreement");
  const { row, versions, events: eventRows } = snapshot;
  if (row.caseId !== me.caseId) throw new AppError("FORBIDDEN", "not a participant of this case");
  assertCan(me.role, action, "agreement");
  const { events, openings } = fromStoredAgreement(row, eventRows);
  return { row, versions, events, openings, document: readFrozenDocument(row.canonical) };
}
