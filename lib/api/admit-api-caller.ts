import type { ApiCaller } from "./api-caller";
import { AppError } from "../errors";
import { limitApiRequest } from "./rate-limit";

/** The staff roles that work with cases; an administrator manages staff and tokens and sees no case content. */
const CASE_ROLES = new Set(["caseworker", "team_lead"]);

/**
 * May this caller use the API at all, now? A system (API token) may, in its organisation; a staff
 * member only in a role that works with cases (403 otherwise). Then the request counts against
 * the caller's rate limit (429).
 */
export async function admitApiCaller(caller: ApiCaller): Promise<void> {
  if (caller.kind === "staff" && !caller.roles.some((r) => CASE_ROLES.has(r))) {
    throw new AppError("FORBIDDEN", "the API is for the organisation's systems and for staff who work with cases");
  }
  await limitApiRequest(caller);
}
