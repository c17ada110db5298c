import { getDb } from "@/db/client";
import { listApiTokensOf, type ApiTokenSummary } from "@/db/queries/api-tokens";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";

/** The organisation's API tokens by name and dates, newest first (never the token or its hash). */
export async function listApiTokens(input: { organisationId: string }): Promise<ApiTokenSummary[]> {
  if (!isUuid(input.organisationId)) throw new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
  return listApiTokensOf(await getDb(), input.organisationId);
}
