import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { participantSessions } from "../schema";

/** Mark a live session revoked; returns it, or null when no live session has this hash. */
export async function revokeSessionByHash(db: Db, tokenHash: Uint8Array): Promise<{ id: string; participantId: string } | null> {
  const [row] = await db
    .update(participantSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(participantSessions.tokenHash, Buffer.from(tokenHash)), isNull(participantSessions.revokedAt)))
    .returning({ id: participantSessions.id, participantId: participantSessions.participantId });
  return row ?? null;
}
