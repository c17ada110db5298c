import { z } from "zod";
import { getDb } from "@/db/client";
import { listOrganisationsWithSetting } from "@/db/queries/organisations";
import { env } from "../env";
import { STAFF_ROLES, type StaffRole } from "../access/actor";
import { OIDC_PROVIDER_ID } from "../access/auth-method";
import { logger } from "../log/logger";
import { bootstrapOrganisation } from "../organisations/bootstrap-organisation";
import { oidcIssuerSchema } from "./oidc-issuer";

const log = logger("auth");

/**
 * One organisation's OpenID Connect sign-in for staff: its IdP, our client there, and how the
 * IdP's groups become roles. Each organisation keeps its own in its settings (`staffOidc`, set
 * through configure-organisation-oidc.ts); the OIDC_* variables are the bootstrap organisation's.
 */
export type StaffOidcSettings = {
  /** The Auth.js provider id, part of the callback URL (`/api/auth/callback/<providerId>`). */
  providerId: string;
  /** The organisation whose staff sign in here; nobody of another organisation is admitted. */
  organisationId: string;
  /** The button's label, e.g. "MitID Erhverv"; null = the default label. */
  name: string | null;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim that lists the person's groups. */
  groupsClaim: string;
  /** Group → role; null = no mapping: only staff provisioned beforehand sign in, with their role. */
  groupRoles: Record<string, StaffRole> | null;
};

export const groupRolesSchema = z.record(z.string().trim().min(1), z.enum(STAFF_ROLES));

/**
 * "group=role,group=role", or a JSON object when group names hold commas (LDAP DNs) → a
 * validated map; a malformed pair, an unknown role or an empty map is an error at start.
 */
export function parseGroupRoles(text: string): Record<string, StaffRole> {
  let raw: unknown;
  if (text.trim().startsWith("{")) {
    raw = JSON.parse(text);
  } else {
    const pairs = text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const i = p.lastIndexOf("=");
        if (i <= 0) throw new Error(`OIDC_GROUP_ROLES: "${p}" is not group=role`);
        return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
      });
    raw = Object.fromEntries(pairs);
  }
  const parsed = groupRolesSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`OIDC_GROUP_ROLES: roles are ${STAFF_ROLES.join(", ")}`);
  if (Object.keys(parsed.data).length === 0) throw new Error("OIDC_GROUP_ROLES: no group is mapped");
  return parsed.data;
}

/**
 * What an organisation's settings hold under `staffOidc`. The client secret stays in the
 * environment (`clientSecretEnv` names the variable), so a copy of the database holds no
 * credential for the IdP.
 */
export const orgStaffOidcSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  issuer: oidcIssuerSchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecretEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, "the name of an environment variable, e.g. OIDC_SECRET_AARHUS"),
  groupsClaim: z.string().trim().min(1).max(100).optional(),
  groupRoles: groupRolesSchema.refine((m) => Object.keys(m).length > 0, "no group is mapped").optional(),
});
export type OrgStaffOidc = z.infer<typeof orgStaffOidcSchema>;

/** The provider id of an organisation's own IdP. */
export const orgProviderId = (organisationId: string) => `${OIDC_PROVIDER_ID}-${organisationId}`;

/** The bootstrap organisation's settings from OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (all three or none) and friends. */
export function staffOidcSettingsFromEnv(organisationId: string): StaffOidcSettings | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    providerId: OIDC_PROVIDER_ID,
    organisationId,
    name: e.OIDC_NAME ?? null,
    issuer: oidcIssuerSchema.parse(e.OIDC_ISSUER),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    groupsClaim: e.OIDC_GROUPS_CLAIM ?? "groups",
    groupRoles: e.OIDC_GROUP_ROLES ? parseGroupRoles(e.OIDC_GROUP_ROLES) : null,
  };
}

/** One organisation's stored settings, or null (logged) when they are malformed or the secret is missing. */
export function staffOidcSettingsOfOrganisation(organisationId: string, stored: unknown): StaffOidcSettings | null {
  const parsed = orgStaffOidcSchema.safeParse(stored);
  if (!parsed.success) {
    log.warn("organisation's staff OIDC settings are malformed; its OIDC sign-in is off", { organisationId });
    return null;
  }
  const s = parsed.data;
  const secret = process.env[s.clientSecretEnv];
  if (!secret) {
    log.warn("organisation's OIDC client secret is not in the environment; its OIDC sign-in is off", {
      organisationId,
      variable: s.clientSecretEnv,
    });
    return null;
  }
  return {
    providerId: orgProviderId(organisationId),
    organisationId,
    name: s.name ?? null,
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: secret,
    groupsClaim: s.groupsClaim ?? "groups",
    groupRoles: s.groupRoles ?? null,
  };
}

/** Every configured staff OIDC sign-in: the bootstrap organisation's from OIDC_*, and each organisation's own. */
export async function listStaffOidcSettings(): Promise<StaffOidcSettings[]> {
  const db = await getDb();
  const e = env();
  const fromEnv =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET ? staffOidcSettingsFromEnv((await bootstrapOrganisation(db)).id) : null;
  const stored = (await listOrganisationsWithSetting(db, "staffOidc"))
    .map((o) => staffOidcSettingsOfOrganisation(o.id, o.setting))
    .filter((s): s is StaffOidcSettings => s !== null);
  return [...(fromEnv ? [fromEnv] : []), ...stored];
}

export async function findStaffOidcSettings(providerId: string | null | undefined): Promise<StaffOidcSettings | null> {
  if (!providerId) return null;
  return (await listStaffOidcSettings()).find((s) => s.providerId === providerId) ?? null;
}
