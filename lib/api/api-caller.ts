import type { Me, StaffActor, SystemActor } from "../access/actor";
import { AppError } from "../errors";

/** Who calls the API: one of the organisation's systems (API token) or a staff member. */
export type ApiCaller = StaffActor | SystemActor;

/**
 * The staff account a use-case authorises by, for the caller on a case: a staff member's own, or
 * — for a system — that of the case's caseworker it acts through (lib/access/resolve-access.ts).
 */
export function actingUserId(me: Me): string {
  if (!me.userId) throw new AppError("FORBIDDEN", "no staff account acts on this case");
  return me.userId;
}
