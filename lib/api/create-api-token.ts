import { z } from "zod";
import { getDb } from "@/db/client";
import { insertApiToken } from "@/db/queries/api-tokens";
import { findOrganisation } from "@/db/queries/organisations";
import { newApiToken } from "../access/api-token";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { organisationOfTokens, type TokenOwner } from "./token-owner";

/** A token's name says which system holds it ("Fagsystem", "Sagsoverblik"), so it can be revoked knowingly. */
export const ZNewApiToken = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "tooLong"),
});

/**
 * A new API token for one of an organisation's systems (the operator's `npm run admin --
 * token:create`, or an administrator on /admin). The token is returned this once; the database
 * keeps only its SHA-256. The organisation must exist.
 */
export async function createApiToken(input: TokenOwner & { raw: unknown }): Promise<{ token: string; tokenId: string }> {
  const organisationId = organisationOfTokens(input);
  const parsed = ZNewApiToken.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const noSuchOrganisation = () => new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
  if (!isUuid(organisationId)) throw noSuchOrganisation();
  const db = await getDb();
  if (!(await findOrganisation(db, organisationId))) throw noSuchOrganisation();
  const { token, tokenHash } = newApiToken();
  const row = await insertApiToken(db, { organisationId, name: parsed.data.name, tokenHash });
  return { token, tokenId: row.id };
}
