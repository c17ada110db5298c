import { getDb } from "@/db/client";
import { listActivitiesOf, listProvidersOf } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import type { OwnActivity, OwnProvider } from "../plan/own-activity";
import { catalogueAdminOrganisation } from "./catalogue-admin";
import { presentOwnActivity } from "./present-own-activity";

/** The admin page's view of the organisation's own catalogue: providers with their notes, and activities. */
export async function listOwnCatalogue(input: { actor: StaffActor }): Promise<{ providers: OwnProvider[]; activities: OwnActivity[] }> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const db = await getDb();
  const [providers, activities] = await Promise.all([listProvidersOf(db, organisationId), listActivitiesOf(db, organisationId)]);
  return { providers, activities: activities.map(presentOwnActivity) };
}
