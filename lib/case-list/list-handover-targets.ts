import { getDb } from "@/db/client";
import { listStaffUsers } from "@/db/queries/users";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { isTeamLead } from "../cases/is-team-lead";

/** The staff members a team lead can filter the team's cases by and hand a case to. Team leads only (403). */
export async function listHandoverTargets(input: {
  actor: Pick<StaffActor, "roles" | "organisationId"> | null | undefined;
}): Promise<{ id: string; name: string }[]> {
  if (!input.actor) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isTeamLead(input.actor)) throw new AppError("FORBIDDEN", "only a team lead sees the team");
  return listStaffUsers(await getDb(), input.actor.organisationId);
}
