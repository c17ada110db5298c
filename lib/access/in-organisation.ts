import { withOrganisation } from "@/db/organisation-scope";

/**
 * Run `fn` in an organisation's row-level-security scope (db/organisation-scope.ts), or as it is
 * when there is none to enter (nobody signed in: identity look-ups that come before any
 * organisation is known).
 */
export function inOrganisation<T>(organisationId: string | null, fn: () => Promise<T>): Promise<T> {
  return organisationId ? withOrganisation(organisationId, fn) : fn();
}
