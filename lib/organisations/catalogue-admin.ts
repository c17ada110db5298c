import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { assertStaffCan } from "../permissions";
import { ZOwnId } from "./own-catalogue-input";

/** Who → may keep the organisation's own catalogue (an administrator), in their own organisation only: its id. */
export function catalogueAdminOrganisation(actor: StaffActor | null | undefined): string {
  if (!actor) throw new AppError("UNAUTHENTICATED", "the catalogue needs a signed-in staff member");
  assertStaffCan(actor.roles, "manage_catalogue");
  return actor.organisationId;
}

/** A row's id from a form: not a well-formed id is as "not there" as another organisation's row. */
export function ownRowId(raw: unknown): string {
  const parsed = ZOwnId.safeParse(raw);
  if (!parsed.success) throw new AppError("NOT_FOUND", "no such entry");
  return parsed.data;
}

/** The same name twice in one organisation's list: said on the name field. */
export function nameTaken(): AppError {
  return new AppError("CONFLICT", "the organisation already has one by that name", { name: "taken" });
}
