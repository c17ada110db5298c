import { getDb } from "@/db/client";
import { insertJoinLink } from "@/db/queries/join-links";
import { env } from "../env";
import { hashToken, newToken } from "./tokens";

/**
 * Issue a join link for one participant of one meeting. Returns the token once; only its hash
 * is stored, so a lost link is re-issued, never looked up.
 */
export async function createJoinLink(input: {
  participantId: string;
  meetingId: string;
  /** Until when (an invitation uses joinLinkExpiry: as long as the case needs it). */
  expiresAt?: Date;
  ttlDays?: number;
  reusable?: boolean;
}): Promise<{ token: string; path: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = input.expiresAt ?? new Date(Date.now() + (input.ttlDays ?? env().JOIN_LINK_TTL_DAYS) * 86_400_000);
  await insertJoinLink(await getDb(), {
    participantId: input.participantId,
    meetingId: input.meetingId,
    tokenHash: hashToken(token),
    expiresAt,
    reusable: input.reusable ?? true,
  });
  return { token, path: `/join/${token}`, expiresAt };
}
