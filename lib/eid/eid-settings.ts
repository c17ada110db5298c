import { env } from "../env";
import { oidcIssuerSchema } from "../auth/oidc-issuer";
import type { AssuranceLevel } from "./assurance-level";

/**
 * One organisation's eID broker for participants (MitID via a broker in DK, ID-porten in NO).
 * Today from the environment (EID_*); the shape is what an organisation row will hold, so moving
 * it there changes only `eidSettings`.
 */
export type EidSettings = {
  /** A short id recorded with each confirmation ("eid" while there is one). */
  id: string;
  organisationId: string | null;
  /** The eID's name on the button and in the evidence's wording, e.g. "MitID". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `acr_values` asked of the broker, or null to let it choose. */
  acrValues: string | null;
  minLevel: AssuranceLevel;
};

export function eidSettings(): EidSettings | null {
  const e = env();
  if (!e.EID_ISSUER || !e.EID_CLIENT_ID || !e.EID_CLIENT_SECRET) return null;
  return {
    id: "eid",
    organisationId: null,
    name: e.EID_NAME ?? "eID",
    issuer: oidcIssuerSchema.parse(e.EID_ISSUER),
    clientId: e.EID_CLIENT_ID,
    clientSecret: e.EID_CLIENT_SECRET,
    acrValues: e.EID_ACR_VALUES ?? null,
    minLevel: e.EID_MIN_LEVEL,
  };
}
