import type { OIDCConfig } from "@auth/core/providers/oauth";
import { env } from "../env";
import { OIDC_PROVIDER_ID } from "../access/auth-method";

type Claims = { sub: string; email?: string; email_verified?: boolean; name?: string };

/**
 * A generic OpenID Connect provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are
 * set: the way MitID Erhverv / ID-porten brokers are reached. A first sign-in links the account to
 * the provisioned user with the same (verified) e-mail; the signIn callback refuses everyone else.
 */
export function oidcProvider(): OIDCConfig<Claims> | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: e.OIDC_NAME ?? "OpenID Connect",
    type: "oidc",
    issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    // Staff are provisioned by e-mail; the IdP is the municipality's own, trusted to verify it.
    allowDangerousEmailAccountLinking: true,
    profile(claims) {
      return { id: claims.sub, email: claims.email?.toLowerCase() ?? null, name: claims.name ?? null };
    },
  };
}
