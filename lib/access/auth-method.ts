/**
 * How a person proved who they are, recorded on "me" so that the agreement signing can store it
 * with each signature: a participant's join link, a staff e-mail magic link, or OpenID Connect
 * (MitID / ID-porten through a broker).
 */
export const AUTH_METHODS = ["join-link", "email-link", "oidc"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export type StaffAuthMethod = Exclude<AuthMethod, "join-link">;

/** The Auth.js provider ids we configure, and the method each one is. */
export const EMAIL_PROVIDER_ID = "email";
export const OIDC_PROVIDER_ID = "oidc";

/** "oidc", or "oidc-<organisation>" once each organisation has its own IdP. */
export function isOidcProviderId(providerId: string | null | undefined): boolean {
  return providerId === OIDC_PROVIDER_ID || Boolean(providerId?.startsWith(`${OIDC_PROVIDER_ID}-`));
}

export function staffAuthMethodOfProvider(providerId: string | null | undefined): StaffAuthMethod | null {
  if (providerId === EMAIL_PROVIDER_ID) return "email-link";
  if (isOidcProviderId(providerId)) return "oidc";
  return null;
}

export function isStaffAuthMethod(v: unknown): v is StaffAuthMethod {
  return v === "email-link" || v === "oidc";
}
