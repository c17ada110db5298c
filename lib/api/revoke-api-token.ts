import { getDb } from "@/db/client";
import { listApiTokensOf, revokeApiTokenRow, type ApiTokenSummary } from "@/db/queries/api-tokens";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";

/**
 * Revoke one of the organisation's API tokens: refused from its next request on. A token of
 * another organisation, or an unknown id, is NOT_FOUND; one revoked already, CONFLICT.
 */
export async function revokeApiToken(input: { organisationId: string; tokenId: string; now?: Date }): Promise<ApiTokenSummary> {
  if (!isUuid(input.tokenId) || !isUuid(input.organisationId)) throw new AppError("NOT_FOUND", "no such token", { id: "notFound" });
  const db = await getDb();
  const row = await revokeApiTokenRow(db, { id: input.tokenId, organisationId: input.organisationId, now: input.now ?? new Date() });
  if (row) return row;
  const theirs = (await listApiTokensOf(db, input.organisationId)).some((t) => t.id === input.tokenId);
  throw theirs
    ? new AppError("CONFLICT", "the token is revoked already", { id: "revokedAlready" })
    : new AppError("NOT_FOUND", "no such token", { id: "notFound" });
}
