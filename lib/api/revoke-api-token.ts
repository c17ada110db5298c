import { getDb } from "@/db/client";
import { listApiTokensOf, revokeApiTokenRow, type ApiTokenSummary } from "@/db/queries/api-tokens";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { organisationOfTokens, type TokenOwner } from "./token-owner";

/**
 * Revoke one of the organisation's API tokens (the operator's `token:revoke`, or an administrator
 * on /admin): refused from its next request on. A token of
 * another organisation, or an unknown id, is NOT_FOUND; one revoked already, CONFLICT.
 */
export async function revokeApiToken(input: TokenOwner & { tokenId: unknown; now?: Date }): Promise<ApiTokenSummary> {
  const organisationId = organisationOfTokens(input);
  const tokenId = input.tokenId;
  if (typeof tokenId !== "string" || !isUuid(tokenId) || !isUuid(organisationId))
    throw new AppError("NOT_FOUND", "no such token", { id: "notFound" });
  const db = await getDb();
  const row = await revokeApiTokenRow(db, { id: tokenId, organisationId, now: input.now ?? new Date() });
  if (row) return row;
  const theirs = (await listApiTokensOf(db, organisationId)).some((t) => t.id === tokenId);
  throw theirs
    ? new AppError("CONFLICT", "the token is revoked already", { id: "revokedAlready" })
    : new AppError("NOT_FOUND", "no such token", { id: "notFound" });
}
