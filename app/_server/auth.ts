import NextAuth, { type NextAuthConfig } from "next-auth";
import { redirect } from "next/navigation";
import { buildAuthConfig } from "@/lib/auth/auth-config";
import { staffFromSession, type StaffIdentity } from "@/lib/auth/staff-identity";

/**
 * Auth.js glue for staff sign-in. The configuration is built per request (a function, not an
 * object), so `next build` never opens the database; the request path tells the adapter how a
 * session created by this request was opened (e-mail link or OIDC). Everything else is in
 * lib/auth/auth-config.ts, where Vitest runs it through @auth/core directly. The /api/auth routes
 * call Auth.js themselves (lib/auth/handle-auth-request.ts), on the public URL; auth(), signIn()
 * and signOut() build their URLs on AUTH_URL, which the server sets from PUBLIC_URL at start.
 */
export const { auth, signIn, signOut } = NextAuth(
  async (req) => (await buildAuthConfig({ requestPath: req ? new URL(req.url).pathname : null })) as NextAuthConfig,
);

/** The signed-in staff member, or null (no session, expired, signed out, or no staff role). */
export async function currentStaff(): Promise<StaffIdentity | null> {
  return staffFromSession(await auth());
}

/** For staff pages: the staff member, or a redirect to the sign-in page that comes back here. */
export async function requireStaffPage(returnTo: string): Promise<StaffIdentity> {
  const staff = await currentStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return staff;
}
