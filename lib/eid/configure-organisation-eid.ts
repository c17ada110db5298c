import { getDb } from "@/db/client";
import { findOrganisation, setOrganisationSetting } from "@/db/queries/organisations";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { orgEidSchema } from "./eid-settings";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organisation's eID broker for participants (MitID via a broker, ID-porten), validated and
 * stored in its settings; `null` turns it off. Answers the redirect URI to register at the broker.
 * The client secret is not stored: `clientSecretEnv` names the environment variable that holds it.
 */
export async function configureOrganisationEid(input: {
  organisationId: string;
  settings: unknown;
  publicUrl: string;
}): Promise<{ redirectUri: string } | { off: true }> {
  const db = await getDb();
  if (!UUID.test(input.organisationId) || !(await findOrganisation(db, input.organisationId)))
    throw new AppError("NOT_FOUND", "No such organisation");
  if (input.settings === null) {
    await setOrganisationSetting(db, input.organisationId, "eid", null);
    return { off: true };
  }
  const parsed = orgEidSchema.safeParse(input.settings);
  if (!parsed.success) throw invalidInput(parsed.error, "The eID settings are not valid");
  await setOrganisationSetting(db, input.organisationId, "eid", parsed.data);
  return { redirectUri: `${input.publicUrl}/api/eid/callback` };
}
