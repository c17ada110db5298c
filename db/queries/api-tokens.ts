import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens } from "../schema";

/** The `api_tokens` table: an organisation's tokens for its own systems, stored as SHA-256 hashes. */

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenSummary = Pick<ApiTokenRow, "id" | "organisationId" | "name" | "createdAt" | "lastUsedAt" | "revokedAt">;

const summary = {
  id: apiTokens.id,
  organisationId: apiTokens.organisationId,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken(
  db: Db,
  values: { organisationId: string; name: string; tokenHash: Uint8Array },
): Promise<ApiTokenSummary> {
  const [row] = await db.insert(apiTokens).values(values).returning(summary);
  return row!;
}

/** The token behind a hash, unless it was revoked; its last use is noted on the way. */
export async function touchLiveApiToken(db: Db, tokenHash: Uint8Array, now: Date): Promise<ApiTokenSummary | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, Buffer.from(tokenHash)), isNull(apiTokens.revokedAt)))
    .returning(summary);
  return row ?? null;
}

/** An organisation's tokens, newest first (names and dates only: the hash never leaves db/). */
export async function listApiTokensOf(db: Db, organisationId: string): Promise<ApiTokenSummary[]> {
  return db.select(summary).from(apiTokens).where(eq(apiTokens.organisationId, organisationId)).orderBy(desc(apiTokens.createdAt));
}

/** Revoke one of the organisation's tokens; null when it is not theirs or was already revoked. */
export async function revokeApiTokenRow(db: Db, input: { id: string; organisationId: string; now: Date }): Promise<ApiTokenSummary | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(apiTokens.id, input.id), eq(apiTokens.organisationId, input.organisationId), isNull(apiTokens.revokedAt)))
    .returning(summary);
  return row ?? null;
}
