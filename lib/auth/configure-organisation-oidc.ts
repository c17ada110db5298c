import { getDb } from "@/db/client";
import { findOrganisation, setOrganisationSetting } from "@/db/queries/organisations";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { orgProviderId, orgStaffOidcSchema, type OrgStaffOidc } from "./staff-oidc-settings";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organisation's own IdP for staff sign-in (issuer, client, group → role map), validated and
 * stored in its settings; `null` turns it off. Answers what was stored and the redirect URI to
 * register at the IdP (the operator's `npm run admin -- org:oidc`).
 * The client secret is not stored: `clientSecretEnv` names the environment variable that holds it.
 */
export async function configureOrganisationOidc(input: {
  organisationId: string;
  settings: unknown;
  publicUrl: string;
}): Promise<{ providerId: string; redirectUri: string; staffOidc: OrgStaffOidc } | { off: true }> {
  const db = await getDb();
  if (!UUID.test(input.organisationId) || !(await findOrganisation(db, input.organisationId)))
    throw new AppError("NOT_FOUND", "No such organisation");
  if (input.settings === null) {
    await setOrganisationSetting(db, input.organisationId, "staffOidc", null);
    return { off: true };
  }
  const parsed = orgStaffOidcSchema.safeParse(input.settings);
  if (!parsed.success) throw invalidInput(parsed.error, "The OpenID Connect settings are not valid");
  await setOrganisationSetting(db, input.organisationId, "staffOidc", parsed.data);
  const providerId = orgProviderId(input.organisationId);
  return { providerId, redirectUri: `${input.publicUrl}/api/auth/callback/${providerId}`, staffOidc: parsed.data };
}
