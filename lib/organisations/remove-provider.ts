import { getDb } from "@/db/client";
import { deleteProvider } from "@/db/queries/own-catalogue";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { catalogueAdminOrganisation, ownRowId } from "./catalogue-admin";

/** An administrator removes a provider from the list; plans that name it keep the name. */
export async function removeProvider(input: { actor: StaffActor; providerId: unknown }): Promise<void> {
  const organisationId = catalogueAdminOrganisation(input.actor);
  const id = ownRowId(input.providerId);
  if (!(await deleteProvider(await getDb(), organisationId, id))) throw new AppError("NOT_FOUND", "no such provider");
}
