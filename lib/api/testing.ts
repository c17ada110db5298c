import { getDb } from "@/db/client";
import { insertOrganisation } from "@/db/queries/organisations";
import { linkParticipantToUser } from "@/db/queries/participants";
import { upsertStaffUser, type StaffRoleValue } from "@/db/queries/users";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";

/**
 * Test helper (not for production code): link a fixture case's caseworker participant to a staff
 * account, as opening a case does — an API token acts on a case through that caseworker.
 */
export async function linkCaseworkerToStaff(participantId: string, userId: string): Promise<void> {
  await linkParticipantToUser(await getDb(), participantId, userId);
}

/** Test helper: the bootstrap organisation's id (the one fixture cases and provisioned staff are in). */
export async function homeOrganisationId(): Promise<string> {
  return (await bootstrapOrganisation()).id;
}

/** Test helper: a second organisation, side by side with the first. */
export async function anotherOrganisationId(name = "Jobcenter Andetsteds"): Promise<string> {
  return (await insertOrganisation(await getDb(), { name, country: "DK" })).id;
}

/** Test helper: a staff member with a role other than caseworker (an administrator, a team lead). */
export async function staffWithRole(input: { email: string; role: StaffRoleValue; organisationId: string }): Promise<{ id: string }> {
  const row = await upsertStaffUser(await getDb(), {
    email: input.email,
    name: input.email,
    staffRole: input.role,
    organisationId: input.organisationId,
  });
  return { id: row.id };
}
