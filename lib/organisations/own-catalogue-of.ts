import { getDb } from "@/db/client";
import { listActivitiesOf, listProvidersOf } from "@/db/queries/own-catalogue";
import type { OwnCatalogue } from "../plan/own-activity";
import { presentOwnActivity } from "./present-own-activity";

/**
 * What the meeting room's activity picker offers besides the country's catalogue: the
 * organisation's own activities and its providers' names (not their notes: those are for staff).
 * The caller has already let the viewer into a case of this organisation.
 */
export async function ownCatalogueOf(organisationId: string): Promise<OwnCatalogue> {
  const db = await getDb();
  const [providers, activities] = await Promise.all([listProvidersOf(db, organisationId), listActivitiesOf(db, organisationId)]);
  return { activities: activities.map(presentOwnActivity), providers: providers.map((p) => p.name) };
}
