import { getDb } from "@/db/client";
import { NO_ORGANISATION, withAllOrganisations } from "@/db/organisation-scope";
import { countUpdates } from "@/db/queries/collab";
import { insertOrganisation } from "@/db/queries/organisations";

/**
 * For tests on a database that denies what runs outside an organisation's scope, as the
 * application's does (`createTestDatabase({ outsideScope: NO_ORGANISATION })`): fixtures are made,
 * and results read, as the operator would (across organisations).
 */
export { NO_ORGANISATION };

export const asOperator = withAllOrganisations;

/** One more organisation (a second job centre), made as the operator. */
export async function createOrganisation(name: string): Promise<string> {
  return asOperator(async () => (await insertOrganisation(await getDb(), { name, country: "DK" })).id);
}

/** How many updates a document's log holds, read as the operator. */
export function storedUpdateCount(docName: string): Promise<number> {
  return asOperator(async () => countUpdates(await getDb(), docName));
}
