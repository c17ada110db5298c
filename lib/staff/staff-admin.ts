import type { StaffActor } from "../access/actor";
import { assertStaffCan } from "../permissions";

/** Who → may manage staff (an administrator), in their own organisation only: its id. */
export function staffAdminOrganisation(actor: StaffActor | null | undefined): string {
  if (!actor) throw new Error("staff admin needs a signed-in staff member");
  assertStaffCan(actor.roles, "manage_staff");
  return actor.organisationId;
}
