import type { StaffActor } from "../access/actor";

/**
 * Whether the staff member leads a team: they see all the organisation's cases and hand them
 * over. Read from `actor.roles` (filled from the staff member's roles in their organisation).
 */
export function isTeamLead(actor: Pick<StaffActor, "roles">): boolean {
  return actor.roles.includes("team_lead");
}
