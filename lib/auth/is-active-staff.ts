import type { UserRow } from "@/db/queries/users";

/** A staff member who may sign in: a staff role, an organisation, and not deactivated. */
export function isActiveStaff(user: Pick<UserRow, "staffRole" | "organisationId" | "deactivatedAt"> | null | undefined): boolean {
  return Boolean(user?.staffRole && user.organisationId && !user.deactivatedAt);
}
