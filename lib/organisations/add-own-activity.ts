import { getDb } from "@/db/client";
import { insertActivity } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { invalidInput } from "../input-errors";
import type { OwnActivity } from "../plan/own-activity";
import { catalogueAdminOrganisation, nameTaken } from "./catalogue-admin";
import { ZOwnActivity } from "./own-catalogue-input";
import { presentOwnActivity } from "./present-own-activity";

/** An administrator adds one of the organisation's own activities, offered beside the country's catalogue. */
export async function addOwnActivity(input: { actor: StaffActor; raw: unknown }): Promise<OwnActivity> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const parsed = ZOwnActivity.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await insertActivity(await getDb(), organisationId, parsed.data);
  if (row === "taken") throw nameTaken();
  return presentOwnActivity(row);
}
