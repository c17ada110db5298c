import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
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

/** A new staff account of an organisation (added by an administrator, or at a first OpenID Connect sign-in). */
export async function insertStaffUser(
  db: Db,
  input: { email: string; name: string; staffRole: StaffRoleValue; organisationId: string },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(input).returning();
  return row!;
}

/** Make an existing account (one with no staff role) staff of an organisation. */
export async function makeUserStaff(
  db: Db,
  id: string,
  input: { name: string; staffRole: StaffRoleValue; organisationId: string },
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...input, deactivatedAt: null })
    .where(and(eq(users.id, id), isNull(users.staffRole)))
    .returning();
  if (!row) throw new Error("the account became staff meanwhile");
  return row;
}

/** An organisation's staff, by name. */
export async function listStaffOfOrganisation(db: Db, organisationId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNotNull(users.staffRole)))
    .orderBy(asc(users.name), asc(users.email));
}

/** Change a staff member's role, deactivation: only within their organisation; null when none is there. */
export async function updateStaffOfOrganisation(
  db: Db,
  organisationId: string,
  id: string,
  set: { staffRole?: StaffRoleValue; deactivatedAt?: Date | null },
): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set(set)
    .where(and(eq(users.id, id), eq(users.organisationId, organisationId), isNotNull(users.staffRole)))
    .returning();
  return row ?? null;
}

/** Pending sign-in links (their hashed tokens), for the overview and tests. */
export async function countVerificationTokens(db: Db, identifier?: string): Promise<number> {
  const rows = await db
    .select({ t: verificationTokens.token })
    .from(verificationTokens)
    .where(identifier ? eq(verificationTokens.identifier, identifier) : undefined);
  return rows.length;
}

/**
 * The organisation's active caseworkers and team leads: whom cases can be assigned to (the team
 * view's caseworker filter and the handover choice; lib/cases/is-caseworker-of.ts is the same rule).
 */
export async function listStaffUsers(db: Db, organisationId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.email}, ${users.id})` })
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), isNull(users.deactivatedAt), inArray(users.staffRole, ["caseworker", "team_lead"])),
    )
    .orderBy(asc(sql`coalesce(${users.name}, ${users.email}, ${users.id})`));
  return rows;
}
