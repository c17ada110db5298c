import { z } from "zod";
import { env } from "../env";
import { STAFF_ROLES, type StaffRole } from "../access/actor";
import { OIDC_PROVIDER_ID } from "../access/auth-method";
import { oidcIssuerSchema } from "./oidc-issuer";

/**
 * One organisation's OpenID Connect sign-in for staff: its IdP, our client there, and how the
 * IdP's groups become roles. Today there is one, from the environment (OIDC_*); the shape is what
 * an organisation row will hold, so moving it there changes only `listStaffOidcSettings`.
 */
export type StaffOidcSettings = {
  /** The Auth.js provider id, part of the callback URL (`/api/auth/callback/<providerId>`). */
  providerId: string;
  /** The organisation whose staff sign in here; null while the installation has one organisation. */
  organisationId: string | null;
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

/** The settings from OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (all three or none) and friends. */
export function staffOidcSettingsFromEnv(): StaffOidcSettings | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    providerId: OIDC_PROVIDER_ID,
    organisationId: null,
    name: e.OIDC_NAME ?? null,
    issuer: oidcIssuerSchema.parse(e.OIDC_ISSUER),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    groupsClaim: e.OIDC_GROUPS_CLAIM ?? "groups",
    groupRoles: e.OIDC_GROUP_ROLES ? parseGroupRoles(e.OIDC_GROUP_ROLES) : null,
  };
}

/** Every configured staff OIDC sign-in (one per organisation that has one). */
export function listStaffOidcSettings(): StaffOidcSettings[] {
  const fromEnv = staffOidcSettingsFromEnv();
  return fromEnv ? [fromEnv] : [];
}

export function findStaffOidcSettings(providerId: string | null | undefined): StaffOidcSettings | null {
  return listStaffOidcSettings().find((s) => s.providerId === providerId) ?? null;
}
