import { getDb } from "@/db/client";
import { findOrganisation } from "@/db/queries/organisations";

/** An organisation's name, for its own staff's pages. */
export async function organisationNameOf(organisationId: string): Promise<string> {
  return (await findOrganisation(await getDb(), organisationId))?.name ?? "";
}
