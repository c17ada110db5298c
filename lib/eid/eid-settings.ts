import { z } from "zod";
import { getDb } from "@/db/client";
import { findOrganisationSetting } from "@/db/queries/organisations";
import { env } from "../env";
import { oidcIssuerSchema } from "../auth/oidc-issuer";
import { logger } from "../log/logger";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import type { AssuranceLevel } from "./assurance-level";

const log = logger("eid");

/**
 * One organisation's eID broker for participants (MitID via a broker in DK, ID-porten in NO):
 * the organisation's settings (`eid`, set through configure-organisation-eid.ts), or for the bootstrap
 * organisation the EID_* variables.
 */
export type EidSettings = {
  /** Recorded with each confirmation: "eid" (from the environment) or "eid-<organisation>". */
  id: string;
  organisationId: string;
  /** The eID's name on the button and in the evidence's wording, e.g. "MitID". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `acr_values` asked of the broker, or null to let it choose. */
  acrValues: string | null;
  minLevel: AssuranceLevel;
};

/** What an organisation's settings hold under `eid`; the client secret stays in the environment. */
export const orgEidSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  issuer: oidcIssuerSchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecretEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, "the name of an environment variable, e.g. EID_SECRET_AARHUS"),
  acrValues: z.string().trim().min(1).max(500).optional(),
  minLevel: z.enum(["substantial", "high"]).optional(),
});
export type OrgEid = z.infer<typeof orgEidSchema>;

/** The bootstrap organisation's broker from EID_ISSUER, EID_CLIENT_ID, EID_CLIENT_SECRET (all three or none). */
export function eidSettingsFromEnv(organisationId: string): EidSettings | null {
  const e = env();
  if (!e.EID_ISSUER || !e.EID_CLIENT_ID || !e.EID_CLIENT_SECRET) return null;
  return {
    id: "eid",
    organisationId,
    name: e.EID_NAME ?? "eID",
    issuer: oidcIssuerSchema.parse(e.EID_ISSUER),
    clientId: e.EID_CLIENT_ID,
    clientSecret: e.EID_CLIENT_SECRET,
    acrValues: e.EID_ACR_VALUES ?? null,
    minLevel: e.EID_MIN_LEVEL,
  };
}

/** The eID broker of an organisation: its own settings, else (for the bootstrap organisation) EID_*; null when none. */
export async function eidSettingsFor(organisationId: string): Promise<EidSettings | null> {
  const db = await getDb();
  const stored = await findOrganisationSetting(db, organisationId, "eid");
  if (stored !== null) {
    const parsed = orgEidSchema.safeParse(stored);
    const secret = parsed.success ? process.env[parsed.data.clientSecretEnv] : undefined;
    if (!parsed.success || !secret) {
      log.warn("organisation's eID settings are malformed or its secret is missing; eID is off there", { organisationId });
      return null;
    }
    const s = parsed.data;
    return {
      id: `eid-${organisationId}`,
      organisationId,
      name: s.name,
      issuer: s.issuer,
      clientId: s.clientId,
      clientSecret: secret,
      acrValues: s.acrValues ?? null,
      minLevel: s.minLevel ?? "substantial",
    };
  }
  const e = env();
  if (!e.EID_ISSUER || !e.EID_CLIENT_ID || !e.EID_CLIENT_SECRET) return null;
  return (await bootstrapOrganisation(db)).id === organisationId ? eidSettingsFromEnv(organisationId) : null;
}
