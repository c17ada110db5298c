import { getDb } from "@/db/client";
import { findLiveSubscriptionOf, replaceCalendarSubscription, revokeCalendarSubscriptions } from "@/db/queries/calendar-subscriptions";
import { hashToken, newToken } from "../access/tokens";
import type { Me } from "../access/actor";
import type { Locale } from "../i18n/locales";
import { assertCan } from "../permissions";

/**
 * A participant's own calendar subscription link: `/api/calendar/<secret>?lang=<their language>`,
 * which calendar apps poll without a session. The secret is 256 bits; only its SHA-256 is kept,
 * so the link is shown once — making a new one revokes the old. Revoking ends it at once.
 */
export type SubscriptionStatus = { active: boolean; createdAt: Date | null; lastUsedAt: Date | null };

export async function createCalendarSubscription(input: {
  me: Pick<Me, "participantId" | "role">;
  baseUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<{ url: string }> {
  assertCan(input.me.role, "view", "meeting");
  const token = newToken();
  await replaceCalendarSubscription(await getDb(), {
    participantId: input.me.participantId,
    tokenHash: hashToken(token),
    at: input.now ?? new Date(),
  });
  return { url: `${input.baseUrl}/api/calendar/${token}?lang=${input.locale}` };
}

export async function revokeCalendarSubscription(input: {
  me: Pick<Me, "participantId" | "role">;
  now?: Date;
}): Promise<{ revoked: number }> {
  assertCan(input.me.role, "view", "meeting");
  return { revoked: await revokeCalendarSubscriptions(await getDb(), input.me.participantId, input.now ?? new Date()) };
}

export async function calendarSubscriptionStatus(input: { me: Pick<Me, "participantId"> }): Promise<SubscriptionStatus> {
  const row = await findLiveSubscriptionOf(await getDb(), input.me.participantId);
  return { active: row !== null, createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
}
