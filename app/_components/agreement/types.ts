import type { AgreementForParticipant } from "@/lib/agreements/get-agreement-for-participant";

/** The part of a version's status the page polls and the client components need. */
export type LiveStatus = Pick<
  AgreementForParticipant,
  "id" | "version" | "latestVersion" | "state" | "sealed" | "readyToBind" | "parties" | "fingerprint"
>;

export function liveStatusOf(a: AgreementForParticipant): LiveStatus {
  const { id, version, latestVersion, state, sealed, readyToBind, parties, fingerprint } = a;
  return { id, version, latestVersion, state, sealed, readyToBind, parties, fingerprint };
}

/** Changes whenever anything the page shows about the status changes. */
export function statusKey(s: LiveStatus): string {
  return [s.state, s.latestVersion, s.sealed?.at ?? "", ...s.parties.map((p) => `${p.participantId}:${p.state}:${p.at ?? ""}`)].join("|");
}
