import { getDb } from "@/db/client";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import { normalizeEmail } from "./normalize-email";
import { isActiveStaff } from "./is-active-staff";

/**
 * Only provisioned staff may sign in: the account Auth.js found (by OIDC account link) or the
 * user with this e-mail must exist, hold a staff role in an organisation and not be deactivated.
 * Nobody gets an account by signing in.
 */
export async function mayStaffSignIn(input: { userId?: string | null; email?: string | null }): Promise<boolean> {
  const db = await getDb();
  if (input.userId) {
    const byId = await findUserById(db, input.userId);
    if (byId) return isActiveStaff(byId);
  }
  const email = normalizeEmail(input.email);
  if (!email) return false;
  const byEmail = await findUserByEmail(db, email);
  return isActiveStaff(byEmail);
}
