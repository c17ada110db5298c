import { getDb } from "@/db/client";
import { updateActivity } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import type { OwnActivity } from "../plan/own-activity";
import { catalogueAdminOrganisation, nameTaken, ownRowId } from "./catalogue-admin";
import { ZOwnActivity } from "./own-catalogue-input";
import { presentOwnActivity } from "./present-own-activity";

/**
 * An administrator renames one of the organisation's own activities or changes its defaults. What
 * a plan already picked keeps the name and facts it was picked with (they are in the shared
 * document, and maybe in a signed agreement); the change applies to the next pick.
 */
export async function changeOwnActivity(input: { actor: StaffActor; activityId: unknown; raw: unknown }): Promise<OwnActivity> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const id = ownRowId(input.activityId);
  const parsed = ZOwnActivity.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await updateActivity(await getDb(), organisationId, id, parsed.data);
  if (row === "taken") throw nameTaken();
  if (!row) throw new AppError("NOT_FOUND", "no such activity");
  return presentOwnActivity(row);
}
