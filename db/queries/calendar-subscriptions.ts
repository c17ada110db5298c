import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { calendarSubscriptions, participants } from "../schema";
import type { ParticipantRow } from "./participants";

/** The `calendar_subscriptions` table: a participant's calendar feed (only the token's hash is stored). */

export type CalendarSubscriptionRow = typeof calendarSubscriptions.$inferSelect;

/**
 * A new subscription for a participant; any earlier live one is revoked in the same transaction,
 * so each person has at most one working calendar link.
 */
export async function replaceCalendarSubscription(
  db: Db,
  input: { participantId: string; tokenHash: Uint8Array; at: Date },
): Promise<CalendarSubscriptionRow> {
  return db.transaction(async (tx) => {
    await tx
      .update(calendarSubscriptions)
      .set({ revokedAt: input.at })
      .where(and(eq(calendarSubscriptions.participantId, input.participantId), isNull(calendarSubscriptions.revokedAt)));
    const [row] = await tx
      .insert(calendarSubscriptions)
      .values({ participantId: input.participantId, tokenHash: Buffer.from(input.tokenHash), createdAt: input.at })
      .returning();
    return row!;
  });
}

/** Revokes the participant's live subscription; returns how many were revoked (0 or 1). */
export async function revokeCalendarSubscriptions(db: Db, participantId: string, at: Date): Promise<number> {
  const rows = await db
    .update(calendarSubscriptions)
    .set({ revokedAt: at })
    .where(and(eq(calendarSubscriptions.participantId, participantId), isNull(calendarSubscriptions.revokedAt)))
    .returning({ id: calendarSubscriptions.id });
  return rows.length;
}

export async function findLiveSubscriptionOf(db: Db, participantId: string): Promise<CalendarSubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(calendarSubscriptions)
    .where(and(eq(calendarSubscriptions.participantId, participantId), isNull(calendarSubscriptions.revokedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * The live subscription behind a token hash with its participant (not removed), or null: an
 * unknown, revoked or orphaned link all look the same. Marks it used.
 */
export async function findSubscriptionForFeed(
  db: Db,
  tokenHash: Uint8Array,
  at: Date,
): Promise<{ subscription: CalendarSubscriptionRow; participant: ParticipantRow } | null> {
  const rows = await db
    .select({ subscription: calendarSubscriptions, participant: participants })
    .from(calendarSubscriptions)
    .innerJoin(participants, eq(participants.id, calendarSubscriptions.participantId))
    .where(
      and(
        eq(calendarSubscriptions.tokenHash, Buffer.from(tokenHash)),
        isNull(calendarSubscriptions.revokedAt),
        isNull(participants.removedAt),
      ),
    );
  const r = rows[0];
  if (!r) return null;
  await db.update(calendarSubscriptions).set({ lastUsedAt: at }).where(eq(calendarSubscriptions.id, r.subscription.id));
  return r;
}
