import { getDb, type Db } from "@/db/client";
import { withOrganisation } from "@/db/organisation-scope";

/**
 * For an edge that starts from a credential, before any organisation is known (a join link, a
 * calendar feed's secret, an unsubscribe link, a collaboration room): ask which organisation it
 * belongs to (`lookup`, one of db/queries/organisation-of.ts's SECURITY DEFINER look-ups), then run
 * `fn` in that organisation's scope. `unknown` answers when the credential names none: an
 * unknown credential and one of another organisation's rows look the same.
 */
export async function inOrganisationOf<T>(
  lookup: (db: Db) => Promise<string | null>,
  fn: () => Promise<T>,
  unknown: () => T | Promise<T>,
): Promise<T> {
  const organisationId = await lookup(await getDb());
  return organisationId ? withOrganisation(organisationId, fn) : unknown();
}
