import { getDb } from "@/db/client";
import { findOrganisation, setOrganisationSetting } from "@/db/queries/organisations";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { orgEidSchema, type OrgEid } from "./eid-settings";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organisation's eID broker for participants (MitID via a broker, ID-porten), validated and
 * stored in its settings; `null` turns it off. Without a name, the country's eID names it (MitID in
 * DK, ID-porten in NO). Answers what was stored and the redirect URI to register at the broker
 * (the operator's `npm run admin -- org:eid`).
 * The client secret is not stored: `clientSecretEnv` names the environment variable that holds it.
 */
export async function configureOrganisationEid(input: {
  organisationId: string;
  settings: unknown;
  publicUrl: string;
}): Promise<{ redirectUri: string; eid: OrgEid } | { off: true }> {
  const db = await getDb();
  const org = UUID.test(input.organisationId) ? await findOrganisation(db, input.organisationId) : null;
  if (!org) throw new AppError("NOT_FOUND", "No such organisation");
  if (input.settings === null) {
    await setOrganisationSetting(db, input.organisationId, "eid", null);
    return { off: true };
  }
  const parsed = orgEidSchema.safeParse(withCountryName(input.settings, org.country));
  if (!parsed.success) throw invalidInput(parsed.error, "The eID settings are not valid");
  await setOrganisationSetting(db, input.organisationId, "eid", parsed.data);
  return { redirectUri: `${input.publicUrl}/api/eid/callback`, eid: parsed.data };
}

const EID_OF_COUNTRY: Record<string, string> = { DK: "MitID", NO: "ID-porten" };

function withCountryName(settings: unknown, country: string): unknown {
  if (typeof settings !== "object" || settings === null || "name" in settings) return settings;
  return EID_OF_COUNTRY[country] ? { name: EID_OF_COUNTRY[country], ...settings } : settings;
}
