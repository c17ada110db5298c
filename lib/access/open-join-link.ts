import { getDb } from "@/db/client";
import { findJoinLinkByHash, recordJoinLinkUseAndOpenSession } from "@/db/queries/access";
import { listMeetingsOfCases } from "@/db/queries/cases";
import { pickLandingMeeting } from "../time/pick-landing-meeting";
import { AppError } from "../errors";
import { env } from "../env";
import { hashToken, looksLikeToken, newToken } from "./tokens";

export type OpenedJoinLink = {
  sessionToken: string;
  sessionExpiresAt: Date;
  meetingId: string;
  participantId: string;
};

/**
 * Exchange a join-link token for a participant session. The token leaves the URL right after
 * this (the edge redirects), so it never lingers in history, logs or Referer headers.
 */
export async function openJoinLink(input: {
  token: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<OpenedJoinLink> {
  if (!looksLikeToken(input.token)) throw new AppError("NOT_FOUND", "unknown join link");
  const db = await getDb();
  const found = await findJoinLinkByHash(db, hashToken(input.token));
  if (!found) throw new AppError("NOT_FOUND", "unknown join link");
  const { link, participant } = found;
  const now = input.now ?? new Date();
  if (link.revokedAt) throw new AppError("GONE", "this join link was withdrawn");
  if (link.expiresAt <= now) throw new AppError("GONE", "this join link has expired");
  if (!link.reusable && link.useCount > 0) throw new AppError("GONE", "this join link was already used");
  if (participant.removedAt) throw new AppError("GONE", "this participant was removed from the case");

  const sessionToken = newToken();
  const sessionExpiresAt = new Date(now.getTime() + env().SESSION_TTL_HOURS * 3600_000);
  await recordJoinLinkUseAndOpenSession(db, {
    linkId: link.id,
    participantId: participant.id,
    sessionTokenHash: hashToken(sessionToken),
    sessionExpiresAt,
    ip: input.ip,
    userAgent: input.userAgent ? input.userAgent.slice(0, 400) : null,
  });
  // A link outlives its first meeting (join-link-expiry.ts): it opens the case's meeting now due.
  const current = pickLandingMeeting(await listMeetingsOfCases(db, [participant.caseId]), now);
  return { sessionToken, sessionExpiresAt, meetingId: current?.id ?? link.meetingId, participantId: participant.id };
}
