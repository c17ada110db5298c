import NextAuth, { type NextAuthConfig } from "next-auth";
import { buildAuthConfig } from "@/lib/auth/auth-config";

/**
 * Auth.js glue for staff sign-in. The configuration is built per request (a function, not an
 * object), so `next build` never opens the database; the request path tells the adapter how a
 * session created by this request was opened (e-mail link or OIDC). Everything else is in
 * lib/auth/auth-config.ts, where Vitest runs it through @auth/core directly. The /api/auth routes
 * call Auth.js themselves (lib/auth/handle-auth-request.ts), on the public URL; auth(), signIn()
 * and signOut() build their URLs on AUTH_URL, which the server sets from PUBLIC_URL at start.
 * Who a staff session belongs to is read like every credential: credentials.ts → lib/access.
 */
export const { auth, signIn, signOut } = NextAuth(
  async (req) => (await buildAuthConfig({ requestPath: req ? new URL(req.url).pathname : null })) as NextAuthConfig,
);
