import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterSession, AdapterUser } from "@auth/core/adapters";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { accounts, authSessions, staffSessionAuth, users, verificationTokens } from "./schema";

export type AuthAdapterOptions = {
  /** Turns the session token from the cookie into what is stored (its hash). */
  storedToken(sessionToken: string): string;
  /** How sessions created through this adapter were opened, e.g. "email-link"; null when unknown. */
  authMethod: string | null;
};

export type SessionWithMethod = AdapterSession & { authMethod: string | null };

/**
 * The Auth.js drizzle adapter on our tables, with two changes to its session methods:
 * the database keeps only a hash of each session token (a stolen dump holds no usable session),
 * and each session remembers how it was opened (staff_session_auth).
 */
export function createAuthAdapter(db: Db, opts: AuthAdapterOptions): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: authSessions,
    verificationTokensTable: verificationTokens,
  });
  const stored = opts.storedToken;
  return {
    ...base,
    async createSession(session) {
      const token = stored(session.sessionToken);
      await db.transaction(async (tx) => {
        await tx.insert(authSessions).values({ sessionToken: token, userId: session.userId, expires: session.expires });
        if (opts.authMethod) await tx.insert(staffSessionAuth).values({ sessionToken: token, method: opts.authMethod });
      });
      return { ...session };
    },
    async getSessionAndUser(sessionToken) {
      const rows = await db
        .select({ session: authSessions, user: users, method: staffSessionAuth.method })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .leftJoin(staffSessionAuth, eq(staffSessionAuth.sessionToken, authSessions.sessionToken))
        .where(eq(authSessions.sessionToken, stored(sessionToken)));
      const row = rows[0];
      if (!row) return null;
      const session: SessionWithMethod = {
        sessionToken,
        userId: row.session.userId,
        expires: row.session.expires,
        authMethod: row.method ?? null,
      };
      return { session, user: row.user as AdapterUser };
    },
    async updateSession(session) {
      const [row] = await db
        .update(authSessions)
        .set({ ...(session.expires ? { expires: session.expires } : {}) })
        .where(eq(authSessions.sessionToken, stored(session.sessionToken)))
        .returning();
      return row ? { sessionToken: session.sessionToken, userId: row.userId, expires: row.expires } : null;
    },
    async deleteSession(sessionToken) {
      const [row] = await db
        .delete(authSessions)
        .where(eq(authSessions.sessionToken, stored(sessionToken)))
        .returning();
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },
  };
}
