import { getDb } from "@/db/client";
import { withOrganisation } from "@/db/organisation-scope";
import { listOrganisationIds } from "@/db/queries/organisations";

/**
 * Run `fn` once per organisation, each time in that organisation's scope (row-level security): a
 * job that serves every organisation but works on one's case data at a time (the reminder scan)
 * sees each organisation's cases only while it works on them. The list of organisations is no
 * case data. Runs one after another; returns the answers in that order.
 */
export async function forEachOrganisation<T>(fn: (organisationId: string) => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  for (const id of await listOrganisationIds(await getDb())) answers.push(await withOrganisation(id, () => fn(id)));
  return answers;
}
