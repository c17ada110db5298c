import type { SignatureEvent } from "./event-chain";

/**
 * Who has signed. Required signers are roles (the canonical document's `requiredSigners`), so a
 * role is satisfied by a "signed" event from that role over this very agreement (shownHash =
 * fingerprint). A person's latest word counts: signing after declining satisfies the role;
 * declining after signing withdraws it.
 *
 * The employee is always required, whatever the document lists: a return-to-work agreement is
 * the employee's, and one that binds without them is no agreement. So a version whose stored
 * `requiredSigners` leaves the employee out (written by hand into the database, or a crafted
 * bundle) can neither be sealed nor verify.
 */

/** The role whose signature every agreement needs. */
export const EMPLOYEE_ROLE = "employee";

export type SignerState = "signed" | "declined" | "pending";

export type SignerStatus = {
  role: string;
  state: SignerState;
  /** The deciding event, when there is one. */
  event: SignatureEvent | null;
};

/** The roles that must sign before it binds: the document's list, with the employee always in it. */
export function bindingRoles(requiredSigners: readonly string[]): string[] {
  return requiredSigners.includes(EMPLOYEE_ROLE) ? [...requiredSigners] : [...requiredSigners, EMPLOYEE_ROLE];
}

export function signerStatus(requiredSigners: readonly string[], fingerprint: string, events: readonly SignatureEvent[]): SignerStatus[] {
  return bindingRoles(requiredSigners).map((role) => {
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
