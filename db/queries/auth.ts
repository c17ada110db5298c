import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { participants, rateLimits, users, verificationTokens } from "../schema";

export type UserRow = typeof users.$inferSelect;

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
 * (provisioning never downgrades), and an existing name is kept.
 */
export async function upsertStaffUser(db: Db, input: { email: string; name: string | null; staffRole: string }): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, staffRole: input.staffRole })
    .onConflictDoUpdate({
      target: users.email,
      set: {
        staffRole: sql`coalesce(${users.staffRole}, excluded.staff_role)`,
        name: sql`coalesce(${users.name}, excluded.name)`,
      },
    })
    .returning();
  return row!;
}

/** Count one hit in a fixed window and return the window's count, atomically across instances. */
export async function hitRateLimit(db: Db, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return row!.count;
}

export async function deleteRateLimitsBefore(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}

/** The active caseworker participants behind a staff user, one per case they work on. */
export async function listCaseworkerParticipantIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.userId, userId), isNull(participants.removedAt)));
  return rows.map((r) => r.id);
}

/** Link a participant to a staff account (the demo caseworker, or a caseworker added later). */
export async function linkParticipantToUser(db: Db, participantId: string, userId: string): Promise<void> {
  await db.update(participants).set({ userId }).where(eq(participants.id, participantId));
}

/** Pending sign-in links (their hashed tokens), for the overview and tests. */
export async function countVerificationTokens(db: Db, identifier?: string): Promise<number> {
  const rows = await db
    .select({ t: verificationTokens.token })
    .from(verificationTokens)
    .where(identifier ? eq(verificationTokens.identifier, identifier) : undefined);
  return rows.length;
}
