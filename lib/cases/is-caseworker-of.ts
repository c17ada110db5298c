import type { UserRow } from "@/db/queries/users";

/**
 * Whether a staff account can be a case's caseworker in this organisation: a caseworker or a
 * team lead (who is a caseworker too) of it, not deactivated. An administrator sees no case
 * content unless also a caseworker, so never takes a case on.
 */
export function isCaseworkerOf(user: Pick<UserRow, "staffRole" | "organisationId" | "deactivatedAt">, organisationId: string): boolean {
  return (
    user.organisationId === organisationId &&
    user.deactivatedAt === null &&
    (user.staffRole === "caseworker" || user.staffRole === "team_lead")
  );
}
