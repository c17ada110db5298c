import { z } from "zod";
import { getDb } from "@/db/client";
import { insertApiToken } from "@/db/queries/api-tokens";
import { newApiToken } from "../access/api-token";
import { invalidInput } from "../input-errors";

export const ZNewApiToken = z.object({
  organisationId: z.string({ message: "required" }).trim().min(1, "required").max(100, "tooLong"),
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "tooLong"),
});

/**
 * A new API token for an organisation's system (the operator's `npm run admin -- token:create`,
 * or its administrator). The token is returned this once; the database keeps only its SHA-256.
 */
export async function createApiToken(raw: unknown): Promise<{ token: string; tokenId: string }> {
  const parsed = ZNewApiToken.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { token, tokenHash } = newApiToken();
  const row = await insertApiToken(await getDb(), { ...parsed.data, tokenHash });
  return { token, tokenId: row.id };
}
