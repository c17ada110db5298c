import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users, verificationTokens } from "../schema";

/** The `users` table (staff accounts for Auth.js) and its pending sign-in links (`verification_tokens`). */

export type UserRow = typeof users.$inferSelect;
export type StaffRoleValue = NonNullable<UserRow["staffRole"]>;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/**
 * Create the user for `email` or give an existing one the staff role. An existing role is kept
 * (provisioning never downgrades), and an existing name and organisation are kept.
 */
export async function upsertStaffUser(
  db: Db,
  input: { email: string; name: string | null; staffRole: StaffRoleValue; organisationId: string },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, staffRole: input.staffRole, organisationId: input.organisationId })
    .onConflictDoUpdate({
      target: users.email,
      set: {
        staffRole: sql`coalesce(${users.staffRole}, excluded.staff_role)`,
        name: sql`coalesce(${users.name}, excluded.name)`,
        organisationId: sql`coalesce(${users.organisationId}, excluded.organisation_id)`,
      },
    })
    .returning();
  return row!;
}

/** A new staff account of an organisation, made at a first OpenID Connect sign-in whose groups map to a role. */
export async function createStaffUser(
  db: Db,
  input: { email: string; name: string; staffRole: StaffRoleValue; organisationId: string },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(input).returning();
  return row!;
}

/** An account Auth.js made that is no staff (no role) becomes staff of an organisation. */
export async function grantStaffRole(db: Db, userId: string, input: { staffRole: StaffRoleValue; organisationId: string }): Promise<void> {
  await db
    .update(users)
    .set(input)
    .where(and(eq(users.id, userId), isNull(users.staffRole)));
}

/** The role the IdP's groups give an active staff member at this sign-in. */
export async function setStaffRole(db: Db, userId: string, staffRole: StaffRoleValue): Promise<void> {
  await db.update(users).set({ staffRole }).where(eq(users.id, userId));
}

/** Pending sign-in links (their hashed tokens), for the overview and tests. */
export async function countVerificationTokens(db: Db, identifier?: string): Promise<number> {
  const rows = await db
    .select({ t: verificationTokens.token })
    .from(verificationTokens)
    .where(identifier ? eq(verificationTokens.identifier, identifier) : undefined);
  return rows.length;
}
