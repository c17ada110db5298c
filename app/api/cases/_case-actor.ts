import { actorForCase, hasCredentials, type Actor, type AgreementPrincipal } from "@/lib/agreements/require-agreement-actor";
import { isUuid } from "@/lib/collab/doc-names";
import { AppError } from "@/lib/errors";

/** Who is acting on case `<id>`: no credentials → 401, a malformed id → 404, not on the case → 403. */
export async function caseActor(principal: AgreementPrincipal, caseId: string): Promise<Actor> {
  if (!hasCredentials(principal)) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isUuid(caseId)) throw new AppError("NOT_FOUND", "no such case");
  return actorForCase(principal, caseId);
}
