import { getDb } from "@/db/client";
import { listApiTokensOf, type ApiTokenSummary } from "@/db/queries/api-tokens";

/** The organisation's API tokens by name and dates, newest first (never the token or its hash). */
export async function listApiTokens(input: { organisationId: string }): Promise<ApiTokenSummary[]> {
  return listApiTokensOf(await getDb(), input.organisationId);
}
