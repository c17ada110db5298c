import type { SignatureEvent } from "./event-chain";
import type { ReadableAgreement, SigningParty } from "./frozen-document";
import { missingSigners } from "./signers";

/**
 * Where a version stands, derived from the rows (nothing here is stored, so it can never
 * disagree with the evidence):
 *   binding              sealed, and no later version is sealed
 *   replaced             sealed, but a later version was sealed since
 *   awaiting_signatures  the newest version, not sealed yet
 *   withdrawn            not sealed, and a newer version was prepared instead
 */
export type VersionState = "binding" | "replaced" | "awaiting_signatures" | "withdrawn";

type VersionLike = { id: string; version: number; sealedAt: Date | null };

export function versionState(row: VersionLike, versions: readonly VersionLike[]): VersionState {
  const later = versions.filter((v) => v.version > row.version);
  if (row.sealedAt) return later.some((v) => v.sealedAt) ? "replaced" : "binding";
  return later.length > 0 ? "withdrawn" : "awaiting_signatures";
}

/** The version that binds the case now: the newest sealed one. */
export function bindingVersionId(versions: readonly VersionLike[]): string | null {
  return [...versions].reverse().find((v) => v.sealedAt)?.id ?? null;
}

export type PartyStatus = SigningParty & {
  state: "signed" | "declined" | "pending";
  at: string | null;
  authMethod: string | null;
  reason: string | null;
};

/** Each signing party's latest word on this version (a later decision replaces an earlier one). */
export function partyStatuses(doc: ReadableAgreement, fingerprint: string, events: readonly SignatureEvent[]): PartyStatus[] {
  return doc.parties.map((p) => {
    const last = events.filter((e) => e.participantId === p.participantId && (e.type === "signed" || e.type === "declined")).at(-1);
    if (!last) return { ...p, state: "pending", at: null, authMethod: null, reason: null };
    const state = last.type === "declined" ? "declined" : last.shownHash === fingerprint ? "signed" : "pending";
    return { ...p, state, at: last.at, authMethod: last.authMethod, reason: last.reason };
  });
}

/**
 * May the server seal now, by itself? Every required role has signed and no supporter is still
 * undecided. With a supporter undecided the chair may seal explicitly (bind-agreement.ts), so an
 * absent union representative never holds an agreement hostage, but is not skipped silently.
 */
export function completeness(doc: ReadableAgreement, fingerprint: string, events: readonly SignatureEvent[]) {
  const missing = missingSigners(doc.requiredSigners, fingerprint, events);
  const supportersPending = partyStatuses(doc, fingerprint, events)
    .filter((p) => p.signs === "supporter" && p.state === "pending")
    .map((p) => p.participantId);
  return {
    missing,
    supportersPending,
    requiredComplete: missing.length === 0,
    autoSeal: missing.length === 0 && supportersPending.length === 0,
  };
}
