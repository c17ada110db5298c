import type { SignatureEvent } from "./event-chain";

/**
 * Who has signed. Required signers are roles (the canonical document's `requiredSigners`), so a
 * role is satisfied by a "signed" event from that role over this very agreement (shownHash =
 * fingerprint). A person's latest word counts: signing after declining satisfies the role;
 * declining after signing withdraws it.
 */

export type SignerState = "signed" | "declined" | "pending";

export type SignerStatus = {
  role: string;
  state: SignerState;
  /** The deciding event, when there is one. */
  event: SignatureEvent | null;
};

export function signerStatus(requiredSigners: readonly string[], fingerprint: string, events: readonly SignatureEvent[]): SignerStatus[] {
  return requiredSigners.map((role) => {
    const decisions = events.filter((e) => e.role === role && (e.type === "signed" || e.type === "declined"));
    const last = decisions.at(-1);
    if (!last) return { role, state: "pending", event: null };
    if (last.type === "declined") return { role, state: "declined", event: last };
    return { role, state: last.shownHash === fingerprint ? "signed" : "pending", event: last };
  });
}

/** The required roles without a valid signature; sealing is refused until this is empty. */
export function missingSigners(requiredSigners: readonly string[], fingerprint: string, events: readonly SignatureEvent[]): string[] {
  return signerStatus(requiredSigners, fingerprint, events)
    .filter((s) => s.state !== "signed")
    .map((s) => s.role);
}
