import { getDb } from "@/db/client";
import { listApiTokensOf, type ApiTokenSummary } from "@/db/queries/api-tokens";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { organisationOfTokens, type TokenOwner } from "./token-owner";

/** The organisation's API tokens by name and dates, newest first (never the token or its hash). */
export async function listApiTokens(input: TokenOwner): Promise<ApiTokenSummary[]> {
  const organisationId = organisationOfTokens(input);
  if (!isUuid(organisationId)) throw new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
  return listApiTokensOf(await getDb(), organisationId);
}
