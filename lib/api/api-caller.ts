import type { Actors, Me, StaffActor, SystemActor } from "../access/actor";
import { AppError } from "../errors";

/** Who calls the API: one of the organisation's systems (API token) or a staff member. */
export type ApiCaller = StaffActor | SystemActor;

/**
 * The caller on a case, as the staff use-cases take who is acting (`who`): they resolve it on the
 * case again (lib/cases/require-case-staff.ts) — a staff member as themself, a system through the
 * case's caseworker (lib/access/resolve-access.ts).
 */
export function callerActors(me: Me): Actors {
  const a = me.actor;
  if (a.kind === "participant") throw new AppError("FORBIDDEN", "no staff account acts on this case");
  return { participant: null, staff: a.kind === "staff" ? a : null, system: a.kind === "system" ? a : null };
}
