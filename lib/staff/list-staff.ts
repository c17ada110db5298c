import { getDb } from "@/db/client";
import { listStaffOfOrganisation } from "@/db/queries/users";
import type { StaffActor } from "../access/actor";
import type { StaffRole } from "../permissions";
import { staffAdminOrganisation } from "./staff-admin";

export type StaffMember = { id: string; name: string | null; email: string | null; role: StaffRole; active: boolean; isMe: boolean };

/** The administrator's own organisation's staff — never another's. */
export async function listStaff(input: { actor: StaffActor }): Promise<StaffMember[]> {
  const organisationId = staffAdminOrganisation(input.actor);
  const rows = await listStaffOfOrganisation(await getDb(), organisationId);
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.staffRole!,
    active: !u.deactivatedAt,
    isMe: u.id === input.actor.userId,
  }));
}
