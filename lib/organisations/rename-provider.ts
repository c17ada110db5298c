import { getDb } from "@/db/client";
import { updateProvider } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import type { OwnProvider } from "../plan/own-activity";
import { catalogueAdminOrganisation, nameTaken, ownRowId } from "./catalogue-admin";
import { ZProvider } from "./own-catalogue-input";

/**
 * An administrator renames a provider (or changes its note). Plans that already name the provider
 * keep the name they were given: the provider field is free text once filled in.
 */
export async function renameProvider(input: { actor: StaffActor; providerId: unknown; raw: unknown }): Promise<OwnProvider> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const id = ownRowId(input.providerId);
  const parsed = ZProvider.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const row = await updateProvider(await getDb(), organisationId, id, parsed.data);
  if (row === "taken") throw nameTaken();
  if (!row) throw new AppError("NOT_FOUND", "no such provider");
  return row;
}
