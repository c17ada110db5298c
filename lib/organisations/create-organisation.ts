import { getDb } from "@/db/client";
import { insertOrganisation, type Organisation } from "@/db/queries/organisations";
import { invalidInput } from "../input-errors";
import { ZNewOrganisation } from "./organisation-input";

/**
 * An operator creates an organisation (a job centre or NAV office): `npm run admin -- org:create`.
 * No actor: only someone with the database's credentials runs the CLI.
 */
export async function createOrganisation(raw: unknown): Promise<Organisation> {
  const parsed = ZNewOrganisation.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await insertOrganisation(await getDb(), parsed.data);
  return { id: row.id, name: row.name, country: row.country };
}
