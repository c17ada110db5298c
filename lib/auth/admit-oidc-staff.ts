import { getDb } from "@/db/client";
import { findUserByEmail, findUserById, insertStaffUser, makeUserStaff, updateStaffOfOrganisation } from "@/db/queries/users";
import type { StaffRole } from "../access/actor";
import { logger } from "../log/logger";
import { normalizeEmail } from "./normalize-email";
import { isActiveStaff } from "./is-active-staff";
import { nameFromEmail } from "./provision-caseworker";
import type { StaffOidcSettings } from "./staff-oidc-settings";

const log = logger("auth");

export type OidcRefusal = "email-unverified" | "no-email" | "unmapped-group" | "deactivated" | "other-organisation" | "not-provisioned";
export type OidcAdmission = { admitted: true; userId: string; role: string } | { admitted: false; reason: OidcRefusal };

/** When the groups give several roles, the one with the widest duties wins. */
const ROLE_PRECEDENCE = ["admin", "team_lead", "caseworker"];

/** The role the IdP's groups map to, or null when none of them is mapped. */
export function roleFromGroups(groupRoles: Record<string, StaffRole>, claim: unknown): StaffRole | null {
  const groups = Array.isArray(claim) ? claim.filter((g): g is string => typeof g === "string") : typeof claim === "string" ? [claim] : [];
  // Own properties only: a group called "toString" is not a role.
  const roles = new Set(groups.filter((g) => Object.hasOwn(groupRoles, g)).map((g) => groupRoles[g]!));
  const ranked = [...roles].sort((a, b) => rank(a) - rank(b));
  return ranked[0] ?? null;
}

function rank(role: string): number {
  const i = ROLE_PRECEDENCE.indexOf(role);
  return i === -1 ? ROLE_PRECEDENCE.length : i;
}

/**
 * Whether a person the IdP has authenticated (the ID token already checked by Auth.js) may sign in
 * as staff of the IdP's organisation, and with which role:
 * - the IdP must not call the e-mail address unverified, and there must be one;
 * - with a group map, the groups decide the role at every sign-in (the IdP is where people change
 *   teams), a first sign-in creates the account in the organisation, and a person none of whose
 *   groups is mapped is refused; without one, only staff provisioned beforehand sign in, with the
 *   role they have;
 * - a staff member deactivated in Stepwise stays out whatever the IdP says, and so does staff of
 *   another organisation (one IdP never admits another organisation's people).
 * `knownUserId` is the account Auth.js already linked to this IdP subject, if any.
 */
export async function admitOidcStaff(input: {
  settings: StaffOidcSettings;
  claims: Record<string, unknown>;
  knownUserId?: string | null;
}): Promise<OidcAdmission> {
  const result = await decide(input);
  if (!result.admitted) log.warn("oidc sign-in refused", { provider: input.settings.providerId, reason: result.reason });
  return result;
}

async function decide({ settings, claims, knownUserId }: Parameters<typeof admitOidcStaff>[0]): Promise<OidcAdmission> {
  if (claims.email_verified === false) return { admitted: false, reason: "email-unverified" };
  const email = normalizeEmail(typeof claims.email === "string" ? claims.email : null);
  if (!email) return { admitted: false, reason: "no-email" };
  const db = await getDb();
  const existing = (knownUserId ? await findUserById(db, knownUserId) : null) ?? (await findUserByEmail(db, email));
  if (existing?.deactivatedAt) return { admitted: false, reason: "deactivated" };
  if (existing?.staffRole && existing.organisationId !== settings.organisationId) return { admitted: false, reason: "other-organisation" };

  if (!settings.groupRoles) {
    return existing && isActiveStaff(existing)
      ? { admitted: true, userId: existing.id, role: existing.staffRole! }
      : { admitted: false, reason: "not-provisioned" };
  }
  const role = roleFromGroups(settings.groupRoles, claims[settings.groupsClaim]);
  if (!role) return { admitted: false, reason: "unmapped-group" };
  if (existing?.staffRole) {
    if (existing.staffRole !== role) await updateStaffOfOrganisation(db, settings.organisationId, existing.id, { staffRole: role });
  } else if (existing) {
    // A row without a role (made by Auth.js, never staff): it becomes staff of this organisation.
    await makeUserStaff(db, existing.id, {
      name: existing.name ?? nameOf(claims, email),
      staffRole: role,
      organisationId: settings.organisationId,
    });
  } else {
    const created = await insertStaffUser(db, {
      email,
      name: nameOf(claims, email),
      staffRole: role,
      organisationId: settings.organisationId,
    });
    return { admitted: true, userId: created.id, role };
  }
  return { admitted: true, userId: existing.id, role };
}

/** The name the IdP gives, else one made from the address. */
function nameOf(claims: Record<string, unknown>, email: string): string {
  return typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : nameFromEmail(email);
}
