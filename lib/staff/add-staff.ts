import { getDb } from "@/db/client";
import { findOrganisation } from "@/db/queries/organisations";
import { findUserByEmail, insertStaffUser, makeUserStaff } from "@/db/queries/users";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { isUuid } from "../collab/doc-names";
import { ZNewStaff } from "./staff-input";

export type AddedStaff = { id: string; organisationId: string; email: string; name: string; role: string };

/**
 * Give a person a staff account in an organisation (the operator's `staff:add`, an
 * administrator's invitation): validated, the organisation must exist, and an address that is
 * already staff — here or elsewhere — is refused (one organisation per account). Callers
 * authorise; this sends nothing.
 */
export async function addStaff(input: { organisationId: string; raw: unknown }): Promise<AddedStaff> {
  const parsed = ZNewStaff.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const noSuchOrganisation = () => new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
  if (!isUuid(input.organisationId)) throw noSuchOrganisation();
  const db = await getDb();
  if (!(await findOrganisation(db, input.organisationId))) throw noSuchOrganisation();
  const { email, name, role } = parsed.data;
  const existing = await findUserByEmail(db, email);
  if (existing?.staffRole) throw new AppError("CONFLICT", "this address is already staff", { email: "alreadyStaff" });
  const row = existing
    ? await makeUserStaff(db, existing.id, { name, staffRole: role, organisationId: input.organisationId })
    : await insertStaffUser(db, { email, name, staffRole: role, organisationId: input.organisationId });
  return { id: row.id, organisationId: input.organisationId, email, name, role };
}
