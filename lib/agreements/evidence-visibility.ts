import type { Role } from "../plan/roles";

/**
 * Which parts of an agreement's evidence a reader may receive. Every participant gets the same
 * agreement, the same signatures (who, how their identity was checked, when) and a verification
 * file that verifies offline. Where each person was when they signed — the IP address and the
 * device string (user agent) their request reported — is surveillance to everyone but the job
 * centre, which keeps it as evidence: only the case's caseworker receives it. The hash-chained
 * events hold those two only as salted commitments (client-facts.ts), so every copy verifies.
 *
 * Used by the bundle export (export-agreement-bundle.ts) and the PDF (agreement-pdf-data.ts):
 * print or export a field only when it is listed here for the reader.
 */
export const CLIENT_EVIDENCE_FIELDS = ["ip", "userAgent"] as const;
export type EvidenceField = (typeof CLIENT_EVIDENCE_FIELDS)[number];

export function evidenceFieldsFor(role: Role | string): readonly EvidenceField[] {
  return role === "caseworker" ? CLIENT_EVIDENCE_FIELDS : [];
}

/** True when the reader may receive IP addresses and devices (the job centre's copy). */
export function maySeeClientEvidence(role: Role | string): boolean {
  return evidenceFieldsFor(role).length > 0;
}
