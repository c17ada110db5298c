import type { AuthConfig } from "@auth/core";
import { getDb } from "@/db/client";
import { createAuthAdapter } from "@/db/auth-adapter";
import { env } from "../env";
import { newToken } from "../access/tokens";
import { serverSecret } from "../secret";
import { isStaffAuthMethod, staffAuthMethodOfProvider } from "../access/auth-method";
import { mayStaffSignIn } from "./may-staff-sign-in";
import { oidcProvider } from "./oidc-provider";
import { admitOidcStaff } from "./admit-oidc-staff";
import { findStaffOidcSettings, listStaffOidcSettings } from "./staff-oidc-settings";
import { storedSessionToken } from "../access/session-token";
import { staffEmailProvider } from "./staff-email-provider";
import { staffSignedOut } from "./staff-signed-out";
import { errorFields, logger } from "../log/logger";

const log = logger("auth");

export const AUTH_BASE_PATH = "/api/auth";

/** `/api/auth/callback/<provider>` → the method a session created by this request is opened with. */
function methodOfRequest(pathname: string | null | undefined) {
  const m = pathname ? /\/callback\/([^/?#]+)/.exec(pathname) : null;
  return staffAuthMethodOfProvider(m?.[1]);
}

/** Auth.js errors we expect (a used or expired link, a refused account): one calm line, no stack. */
const EXPECTED = new Set(["Verification", "AccessDenied", "OAuthAccountNotLinked"]);

/**
 * The Auth.js configuration for staff sign-in, free of Next so Vitest can run it through
 * `Auth()` from @auth/core. Built per request (app/_server/auth.ts passes the request path), so
 * `next build` never opens the database. Database sessions: signing out deletes the row, and the
 * next request with the old cookie is anonymous.
 */
export async function buildAuthConfig(input: { requestPath?: string | null } = {}): Promise<AuthConfig> {
  const e = env();
  const oidc = (await listStaffOidcSettings()).map(oidcProvider);
  const publicUrl = e.PUBLIC_URL;
  return {
    basePath: AUTH_BASE_PATH,
    secret: serverSecret().toString("utf8"),
    // Auth.js refuses to run unless told to trust the URL it is handed. That URL is always built on
    // the public URL (AUTH_URL set from PUBLIC_URL at start, or the /api/auth route's rebasing),
    // never on the request's Host, so this trusts our configuration, not the sender (issue 12.1).
    trustHost: true,
    adapter: createAuthAdapter(await getDb(), { storedToken: storedSessionToken, authMethod: methodOfRequest(input.requestPath) }),
    providers: [staffEmailProvider(), ...oidc],
    session: {
      strategy: "database",
      maxAge: e.STAFF_SESSION_HOURS * 3600,
      updateAge: Math.min(3600, e.STAFF_SESSION_HOURS * 1800),
      // 256 bits instead of Auth.js's UUID (122 bits); only its hash is stored.
      generateSessionToken: newToken,
    },
    // Behind HTTPS (PUBLIC_URL https://…) always the __Secure-/__Host- cookies, even if a proxy
    // forwards plain HTTP to us; otherwise Auth.js decides from the request.
    ...(publicUrl?.startsWith("https://") ? { useSecureCookies: true } : {}),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      async signIn({ user, account, profile }) {
        const oidcSettings = await findStaffOidcSettings(account?.provider);
        if (oidcSettings) {
          // `user.id` is the account already linked to this IdP subject, or the subject itself.
          const admission = await admitOidcStaff({
            settings: oidcSettings,
            claims: (profile ?? {}) as Record<string, unknown>,
            knownUserId: user.id,
          });
          return admission.admitted;
        }
        return mayStaffSignIn({ userId: user.id, email: user.email });
      },
      async session({ session, user }) {
        const s = session as unknown as { expires: Date | string; authMethod?: unknown };
        const u = user as typeof user & { staffRole?: string | null };
        return {
          expires: s.expires instanceof Date ? s.expires.toISOString() : s.expires,
          user: { id: u.id, email: u.email, name: u.name ?? null },
          staffRole: u.staffRole ?? null,
          authMethod: isStaffAuthMethod(s.authMethod) ? s.authMethod : null,
        } as unknown as typeof session;
      },
    },
    events: {
      async signOut(message) {
        // The adapter's deleteSession answers with the cookie's token (db/auth-adapter.ts).
        const session = "session" in message ? (message.session as { userId?: string; sessionToken?: string } | null | undefined) : null;
        await staffSignedOut({ userId: session?.userId, sessionToken: session?.sessionToken });
      },
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type;
        if (type && EXPECTED.has(type)) log.warn("sign-in refused", { type });
        else log.error("sign-in failed", { type, ...errorFields(error) });
      },
      warn(code) {
        if (code !== "debug-enabled") log.warn("auth warning", { code });
      },
    },
  };
}
