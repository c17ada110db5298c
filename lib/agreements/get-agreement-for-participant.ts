import { recordAccess } from "../audit/record-access";
import type { Me } from "../access/actor";
import { can } from "../permissions";
import { completeness, partyStatuses, versionState, type PartyStatus, type VersionState } from "./agreement-state";
import { presentationFor, type Presentation } from "./frozen-document";
import { loadAgreementFor } from "./load-agreement";
import { whoOf } from "./access-actor";
import { withSignatures } from "./present-signatures";

export type AgreementForParticipant = {
  id: string;
  caseId: string;
  meetingId: string | null;
  version: number;
  reason: string | null;
  fingerprint: string;
  preparedAt: string;
  state: VersionState;
  sealed: { at: string; kid: string } | null;
  /** Every required role has signed, but it is not sealed yet (a supporter is undecided). */
  readyToBind: boolean;
  missingRoles: string[];
  parties: PartyStatus[];
  /** The version's own number in the case's list, and the newest number, for "version 2 of 3". */
  latestVersion: number;
  /** Null when only the status was asked for. */
  presentation: { locale: string; content: Presentation } | null;
  me: {
    participantId: string;
    name: string;
    role: string;
    canPrepare: boolean;
    canExport: boolean;
    /** May take signatures in turn at this screen (the caseworker). */
    canWitness: boolean;
    party: PartyStatus | null;
  };
};

/**
 * One version as a participant of the case sees it: rendered from its stored canonical bytes
 * (never from the live document), with who has signed, declined or not yet decided.
 */
export async function getAgreementForParticipant(input: {
  me: Me;
  agreementId: string;
  locale: string;
  withDocument?: boolean;
}): Promise<AgreementForParticipant> {
  const { me } = input;
  const { row, versions, events, document } = await loadAgreementFor(me, input.agreementId, "view");
  const parties = partyStatuses(document, row.fingerprint, events);
  const state = versionState(row, versions);
  const { missing, requiredComplete } = completeness(document, row.fingerprint, events);
  const sealedEvent = events.find((e) => e.type === "sealed");
  const shown = input.withDocument === false ? null : presentationFor(document, input.locale);
  // The status alone (signed / pending) is polled; the plan itself is case data being shown.
  if (shown) await recordAccess({ who: whoOf(me), caseId: row.caseId, what: "agreement", resourceId: row.id, purpose: "agreement" });
  return {
    id: row.id,
    caseId: row.caseId,
    meetingId: row.meetingId,
    version: row.version,
    reason: row.reason,
    fingerprint: row.fingerprint,
    preparedAt: document.preparedAt,
    state,
    sealed: row.sealedAt && sealedEvent ? { at: sealedEvent.at, kid: row.sealKid ?? "" } : null,
    readyToBind: requiredComplete && !row.sealedAt && state === "awaiting_signatures",
    missingRoles: missing,
    parties,
    latestVersion: versions.at(-1)?.version ?? row.version,
    // The frozen "who signs" rows say who signed and when once they have (present-signatures.ts).
    presentation: shown ? { locale: shown.locale, content: withSignatures(shown.presentation, parties, shown.locale) } : null,
    me: {
      participantId: me.participantId,
      name: me.displayName,
      role: me.role,
      canPrepare: can(me.role, "prepare", "agreement"),
      canExport: can(me.role, "export", "agreement"),
      canWitness: me.role === "caseworker",
      party: parties.find((p) => p.participantId === me.participantId) ?? null,
    },
  };
}
