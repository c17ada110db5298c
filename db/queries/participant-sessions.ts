import { and, eq, gt, inArray, isNull } from "drizzle-orm";
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

/** Of these participant sessions, the live ones (not revoked, not expired) and whose they are. */
export async function findLiveParticipantSessions(db: Db, ids: readonly string[], now: Date): Promise<{ id: string; participantId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: participantSessions.id, participantId: participantSessions.participantId })
    .from(participantSessions)
    .where(and(inArray(participantSessions.id, [...ids]), isNull(participantSessions.revokedAt), gt(participantSessions.expiresAt, now)));
}
