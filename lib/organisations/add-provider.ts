import { getDb } from "@/db/client";
import { insertProvider } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { invalidInput } from "../input-errors";
import type { OwnProvider } from "../plan/own-activity";
import { catalogueAdminOrganisation, nameTaken } from "./catalogue-admin";
import { ZProvider } from "./own-catalogue-input";

/** An administrator adds a provider to their organisation's list (offered for an activity's provider). */
export async function addProvider(input: { actor: StaffActor; raw: unknown }): Promise<OwnProvider> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const parsed = ZProvider.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await insertProvider(await getDb(), organisationId, parsed.data);
  if (row === "taken") throw nameTaken();
  return row;
}
