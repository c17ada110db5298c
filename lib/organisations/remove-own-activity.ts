import { getDb } from "@/db/client";
import { deleteActivity } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { catalogueAdminOrganisation, ownRowId } from "./catalogue-admin";

/** An administrator removes one of the organisation's own activities: no longer offered; plans that picked it keep it. */
export async function removeOwnActivity(input: { actor: StaffActor; activityId: unknown }): Promise<void> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const id = ownRowId(input.activityId);
  if (!(await deleteActivity(await getDb(), organisationId, id))) throw new AppError("NOT_FOUND", "no such activity");
}
