import type { StaffActor } from "../access/actor";
import { staffAdminOrganisation } from "../staff/staff-admin";

/**
 * Whose API tokens: an organisation named by the operator (`npm run admin -- token:*`: only
 * someone with the database's credentials runs the CLI), or an administrator's own organisation
 * (the admin page) — checked here, so every edge asks the same question.
 */
export type TokenOwner = { organisationId: string } | { actor: StaffActor };

export function organisationOfTokens(owner: TokenOwner): string {
  return "actor" in owner ? staffAdminOrganisation(owner.actor) : owner.organisationId;
}
