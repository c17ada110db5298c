import { getDb } from "@/db/client";
import { findOrganisationOfCase, type Organisation } from "@/db/queries/organisations";
import { AppError } from "../errors";

/**
 * The organisation a case belongs to: whose law it works under (its country) and who issues its
 * documents and invitations (its name). The one way to ask; nothing reads ORGANISATION_NAME or
 * ORGANISATION_COUNTRY but the bootstrap organisation (bootstrap-organisation.ts).
 */
export async function organisationOfCase(caseId: string): Promise<Organisation> {
  const org = await findOrganisationOfCase(await getDb(), caseId);
  if (!org) throw new AppError("NOT_FOUND", "no such case");
  return org;
}
