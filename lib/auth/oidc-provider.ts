import type { OIDCConfig } from "@auth/core/providers/oauth";
import type { StaffOidcSettings } from "./staff-oidc-settings";

export type StaffOidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; [claim: string]: unknown };

/**
 * The Auth.js provider for one organisation's staff IdP (MitID Erhverv, Entra ID, a municipality's
 * own). Authorization code with PKCE, state and nonce; Auth.js (oauth4webapi) checks the ID
 * token's signature against the IdP's keys, its issuer, audience, expiry and nonce. Who may then
 * sign in, and with which role, is decided in the signIn callback (admit-oidc-staff.ts).
 */
export function oidcProvider(settings: StaffOidcSettings): OIDCConfig<StaffOidcClaims> {
  return {
    id: settings.providerId,
    name: settings.name ?? "OpenID Connect",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    // Staff are matched by e-mail; the organisation's own IdP is trusted to have verified it, and
    // an address it says is unverified is refused (admit-oidc-staff.ts).
    allowDangerousEmailAccountLinking: true,
    profile(claims) {
      return {
        id: claims.sub,
        email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}
