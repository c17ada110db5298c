import { z } from "zod";
import { getDb } from "@/db/client";
import { insertApiToken } from "@/db/queries/api-tokens";
import { findOrganisation } from "@/db/queries/organisations";
import { newApiToken } from "../access/api-token";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";

/** A token's name says which system holds it ("Fagsystem", "Sagsoverblik"), so it can be revoked knowingly. */
export const ZNewApiToken = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "tooLong"),
});

/**
 * A new API token for one of an organisation's systems (the operator's `npm run admin --
 * token:create`). The token is returned this once; the database keeps only its SHA-256. Callers
 * authorise; the organisation must exist.
 */
export async function createApiToken(input: { organisationId: string; raw: unknown }): Promise<{ token: string; tokenId: string }> {
  const parsed = ZNewApiToken.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const noSuchOrganisation = () => new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
  if (!isUuid(input.organisationId)) throw noSuchOrganisation();
  const db = await getDb();
  if (!(await findOrganisation(db, input.organisationId))) throw noSuchOrganisation();
  const { token, tokenHash } = newApiToken();
  const row = await insertApiToken(db, { organisationId: input.organisationId, name: parsed.data.name, tokenHash });
  return { token, tokenId: row.id };
}
